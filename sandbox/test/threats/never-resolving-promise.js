// Nothing in an isolate can ever resolve this: there are no timers and no I/O.
globalThis.__plugin = {
  run() {
    return new Promise(() => {});
  },
};
