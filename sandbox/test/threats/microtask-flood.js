// Every microtask queues another: the queue never drains, so the entry never returns on its own.
globalThis.__plugin = {
  run() {
    const flood = () => {
      Promise.resolve().then(flood);
    };
    flood();
    return 'queued';
  },
};
