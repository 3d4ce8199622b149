// The loop runs in a microtask, after run has returned its promise.
globalThis.__plugin = {
  run() {
    return Promise.resolve().then(() => {
      for (;;) {}
    });
  },
};
