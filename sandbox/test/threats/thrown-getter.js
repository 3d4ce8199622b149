// A thrown object whose `message` getter loops: read by isolated-vm outside any timeout, this hangs the
// host. The runner reads it inside the isolate instead.
globalThis.__plugin = {
  run() {
    throw {
      get message() {
        for (;;) {}
      },
    };
  },
};
