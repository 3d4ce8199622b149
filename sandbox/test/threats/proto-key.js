// Keys that would pollute a prototype if the result were merged into a host object.
globalThis.__plugin = {
  run() {
    return JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "tag": "vip"}',
    );
  },
};
