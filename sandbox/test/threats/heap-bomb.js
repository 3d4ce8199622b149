// Allocates until the isolate's heap limit; isolated-vm then disposes the isolate.
globalThis.__plugin = {
  run() {
    const hoard = [];
    for (;;) hoard.push(new Array(1 << 20).fill(hoard.length));
  },
};
