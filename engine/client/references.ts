import type { Client } from './schema.ts';

export type MasterDataKind = 'warehouse' | 'carrier' | 'sku' | 'shop';

/** A warehouse, carrier, SKU or shop that a node names, and where in the node it names it. */
export interface MasterDataRef {
  kind: MasterDataKind;
  id: string;
  path: string;
}

const listOf = (client: Client, kind: MasterDataKind): string[] => {
  switch (kind) {
    case 'warehouse':
      return client.warehouses.map((w) => w.id);
    case 'carrier':
      return client.carriers.map((c) => c.id);
    case 'sku':
      return client.skus.map((s) => s.sku);
    case 'shop':
      return client.shops.map((s) => s.id);
  }
};

/** The references the client does not have, each with a message naming what it does have. */
export function missingReferences(
  client: Client,
  refs: readonly MasterDataRef[],
): { path: string; message: string }[] {
  return refs.flatMap((ref) => {
    const known = listOf(client, ref.kind);
    if (known.includes(ref.id)) return [];
    const hint = ref.kind === 'sku' || known.length > 12 ? '' : ` (it has ${known.join(', ') || 'none'})`;
    return [{ path: ref.path, message: `client "${client.id}" has no ${ref.kind} "${ref.id}"${hint}` }];
  });
}
