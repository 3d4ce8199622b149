// A function is not data: JSON.stringify turns it into nothing.
globalThis.__plugin = {
  run() {
    return () => 'called on the host?';
  },
};
