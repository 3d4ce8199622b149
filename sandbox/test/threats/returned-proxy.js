// A Proxy whose traps misbehave while being serialised.
globalThis.__plugin = {
  run() {
    return new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap fired');
        },
      },
    );
  },
};
