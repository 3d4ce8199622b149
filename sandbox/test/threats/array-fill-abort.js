// 60 million holes filled under a small heap limit: V8 aborts the process (SIGABRT).
globalThis.__plugin = {
  run() {
    return new Array(60e6).fill().length;
  },
};
