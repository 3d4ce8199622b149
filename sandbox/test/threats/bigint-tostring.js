// A built-in that never checks for interrupts: the conversion overruns the timeout many times over.
globalThis.__plugin = {
  run() {
    return (3n ** 3000000n).toString().length;
  },
};
