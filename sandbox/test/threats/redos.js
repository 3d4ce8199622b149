// Catastrophic backtracking: V8's regex engine checks for interrupts, so the timeout stops it.
globalThis.__plugin = {
  run(order) {
    return /^(a+)+$/.test(`${'a'.repeat(40)}!${order.id}`);
  },
};
