// A loop that never yields: stopped by isolated-vm's timeout inside the worker.
globalThis.__plugin = {
  run() {
    for (;;) {}
  },
};
