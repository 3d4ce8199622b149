import type { Client } from './schema.ts';

/**
 * `build(key, client)` worked out once per key and client and kept while both live: for what a
 * rule's prepared params (made once per rule by the pipeline) need of a client's master data,
 * neither of which changes once loaded.
 */
export function perClient<K extends object, V>(
  build: (key: K, client: Client) => V,
): (key: K, client: Client) => V {
  const byKey = new WeakMap<K, WeakMap<Client, V>>();
  return (key, client) => {
    let byClient = byKey.get(key);
    if (!byClient) {
      byClient = new WeakMap();
      byKey.set(key, byClient);
    }
    let value = byClient.get(client);
    if (value === undefined) {
      value = build(key, client);
      byClient.set(client, value);
    }
    return value;
  };
}
