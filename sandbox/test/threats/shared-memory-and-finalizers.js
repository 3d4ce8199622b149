// The other globals the prelude removes: shared memory, Atomics.wait, finaliser callbacks.
globalThis.__plugin = {
  run() {
    return ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef'].map(
      (name) => `${name}: ${typeof globalThis[name]}`,
    );
  },
};
