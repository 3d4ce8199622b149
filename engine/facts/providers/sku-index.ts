import type { Client, Sku } from '../../client/schema.ts';

const indexes = new WeakMap<Client, ReadonlyMap<string, Sku>>();

/**
 * The client's catalogue by SKU code, built once per client object: facts look SKUs up on every
 * order. Undefined when there is no client or its catalogue is empty, i.e. the catalogue is not known.
 */
export function skuIndex(client: Client | undefined): ReadonlyMap<string, Sku> | undefined {
  if (!client || client.skus.length === 0) return undefined;
  let index = indexes.get(client);
  if (!index) {
    index = new Map(client.skus.map((sku) => [sku.sku, sku]));
    indexes.set(client, index);
  }
  return index;
}
