// In deterministic mode the clock and Math.random come from the host's seed and instant.
globalThis.__plugin = {
  run() {
    return {
      now: Date.now(),
      date: new Date().toISOString(),
      viaConstructor: new Date().constructor.now(),
      random: [Math.random(), Math.random(), Math.random()],
    };
  },
};
