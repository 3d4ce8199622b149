import type { Client } from '../../engine/client/index.ts';

/**
 * The client as the compiler and the pipeline see it. A client that declares no shops,
 * warehouses, carriers or SKUs has nothing to check references against, so its strategies compile
 * as a lone strategy file does in the CLI (no reference checks) instead of failing on every name.
 */
export function masterData(client: Client): Client | undefined {
  const declared =
    client.shops.length + client.warehouses.length + client.carriers.length + client.skus.length;
  return declared > 0 ? client : undefined;
}
