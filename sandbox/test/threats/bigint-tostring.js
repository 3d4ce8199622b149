// A built-in that never checks for interrupts: the conversion overruns the timeout many times over.
// About 1.5 s here (2026-12-05); 3n ** 3000000n had come down to 450 ms, too close to a 400 ms budget.
globalThis.__plugin = {
  run() {
    return (3n ** 9000000n).toString().length;
  },
};
