// A getter on the result runs when the result is serialised: inside the isolate, under the timeout.
globalThis.__plugin = {
  run() {
    return {
      get carrier() {
        for (;;) {}
      },
    };
  },
};
