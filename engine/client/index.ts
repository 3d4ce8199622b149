export { type ClientIndex, clientIndex, findSku } from './client-index.ts';
export { parseClient } from './parse-client.ts';
export { perClient } from './per-client.ts';
export { type MasterDataKind, type MasterDataRef, missingReferences } from './references.ts';
export {
  type Carrier,
  CarrierSchema,
  type Client,
  ClientSchema,
  type FreightRate,
  type Shop,
  type Sku,
  SkuSchema,
  type Warehouse,
  WarehouseSchema,
} from './schema.ts';
