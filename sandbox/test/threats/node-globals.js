// Node's globals do not exist in an isolate.
globalThis.__plugin = {
  run() {
    return {
      process: typeof process,
      require: typeof require,
      Buffer: typeof Buffer,
      module: typeof module,
      setTimeout: typeof setTimeout,
      fetch: typeof fetch,
    };
  },
};
