// ArrayBuffer memory lives outside the JS heap; isolated-vm's allocator still counts it.
globalThis.__plugin = {
  run() {
    const hoard = [];
    for (let i = 0; i < 1024; i += 1) hoard.push(new ArrayBuffer(16 * 1024 * 1024));
    return hoard.length;
  },
};
