// 100 MB of JSON from 1 MB of heap: one string shared a hundred times.
globalThis.__plugin = {
  run() {
    return new Array(100).fill('x'.repeat(1024 * 1024));
  },
};
