import { clientIndex } from '../../client/client-index.ts';
import type { Client, Sku } from '../../client/schema.ts';

/** The last client asked about and its catalogue: a pipeline asks about one client, twice an order. */
let lastClient: Client | undefined;
let lastCatalogue: ReadonlyMap<string, Sku> | undefined;

/**
 * The client's catalogue by SKU code, built once per client object: facts look SKUs up on every
 * order. Undefined when there is no client or its catalogue is empty, i.e. the catalogue is not known.
 */
export function skuIndex(client: Client | undefined): ReadonlyMap<string, Sku> | undefined {
  if (!client || client.skus.length === 0) return undefined;
  if (client !== lastClient) {
    lastCatalogue = clientIndex(client).catalogue;
    lastClient = client;
  }
  return lastCatalogue;
}
