// A host callback that fails: the isolate gets a message, never the host's stack or file paths.
globalThis.__plugin = {
  run(order, ctx) {
    try {
      return ctx.lookup('no-such-table', order.id);
    } catch (error) {
      return { message: error.message, stack: String(error.stack) };
    }
  },
};
