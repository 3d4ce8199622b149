import type { Carrier, Client, Sku, Warehouse } from './schema.ts';

/**
 * A client's master data by id, for events and facts that look it up on every order: a Map lookup
 * instead of a scan of 200 SKUs. `warehouses`, `carriers` and `skus` keep the first entry per id,
 * the one `array.find` gives, so a lookup answers what a scan did even for master data that
 * repeats an id (the client schema does not forbid it).
 */
export interface ClientIndex {
  warehouses: ReadonlyMap<string, Warehouse>;
  carriers: ReadonlyMap<string, Carrier>;
  skus: ReadonlyMap<string, Sku>;
  /**
   * The last entry per SKU code, as `new Map(entries)` keeps it: what parcel splitting and the
   * price and unmapped-SKU facts have always read. Differs from `skus` only for a repeated code.
   */
  catalogue: ReadonlyMap<string, Sku>;
}

// Master data is read-only once loaded (a change is a new Client object), so one index per object holds.
const indexes = new WeakMap<Client, ClientIndex>();

function firstById<T>(items: readonly T[], idOf: (item: T) => string): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(idOf(item))) byId.set(idOf(item), item);
  return byId;
}

const warehouseId = (w: Warehouse) => w.id;
const carrierId = (c: Carrier) => c.id;
const skuCode = (s: Sku) => s.sku;

// Every order of a pipeline asks for the same client's index, several times an order (SKU weights,
// carriers): the last one is kept beside the WeakMap, so a repeat is one comparison, not a lookup.
let lastClient: Client | undefined;
let lastIndex: ClientIndex | undefined;

export function clientIndex(client: Client): ClientIndex {
  if (client === lastClient) return lastIndex!;
  let index = indexes.get(client);
  if (!index) {
    index = {
      warehouses: firstById(client.warehouses, warehouseId),
      carriers: firstById(client.carriers, carrierId),
      skus: firstById(client.skus, skuCode),
      catalogue: new Map(client.skus.map((sku) => [sku.sku, sku])),
    };
    indexes.set(client, index);
  }
  lastClient = client;
  lastIndex = index;
  return index;
}

/** The SKU's catalogue entry, or undefined without a client or when the client has no such SKU. */
export function findSku(client: Client | undefined, sku: string): Sku | undefined {
  return client && clientIndex(client).skus.get(sku);
}
