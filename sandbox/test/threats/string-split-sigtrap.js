// A 128 Mi-element array from split: V8 hits a fatal error (SIGTRAP) and takes the whole process down.
globalThis.__plugin = {
  run() {
    return '1'.repeat(0x7ffffff).split('').length;
  },
};
