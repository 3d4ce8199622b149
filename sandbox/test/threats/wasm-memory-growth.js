// WebAssembly.Memory grows outside the heap limit (4 GiB under a 16 MB limit, measured): removed by the prelude.
globalThis.__plugin = {
  run() {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
    for (;;) memory.grow(1024);
  },
};
