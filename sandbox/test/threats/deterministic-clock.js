// In deterministic mode the clock and Math.random come from the host's seed and instant, whichever way
// the plugin asks for "now".
const utc = { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'medium' };
globalThis.__plugin = {
  run() {
    const formatter = new Intl.DateTimeFormat('en-US', utc);
    return {
      now: Date.now(),
      date: new Date().toISOString(),
      dateString: Date(),
      viaConstructor: new Date().constructor.now(),
      intl: formatter.format(),
      intlParts: formatter
        .formatToParts()
        .filter((part) => part.type !== 'literal')
        .map((part) => part.value)
        .join(' '),
      intlDefault: new Intl.DateTimeFormat().format() === new Intl.DateTimeFormat().format(new Date()),
      performance: typeof performance,
      random: [Math.random(), Math.random(), Math.random()],
    };
  },
};
