// The classic vm escape: walk from any object to Function and ask it for `process`. In an isolate the
// chain ends at the isolate's own Function, whose global has no process.
globalThis.__plugin = {
  run(order, ctx) {
    const fromInput = order.constructor.constructor('return typeof process')();
    const fromContext = ctx.lookup.constructor('return typeof process')();
    return [fromInput, fromContext, this.constructor.constructor('return process')()];
  },
};
