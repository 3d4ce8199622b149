// Unbounded recursion: V8 throws a RangeError when the isolate's stack runs out.
globalThis.__plugin = {
  run(order) {
    const depth = (n) => depth(n + 1) + 1;
    return depth(order.totals.qty);
  },
};
