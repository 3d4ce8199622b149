import type { MasterDataRef } from '../../client/index.ts';
import type { CarrierChain } from './carrier-chain.schema.ts';

const carrier = (id: string, path: string): MasterDataRef => ({ kind: 'carrier', id, path });
const each = (kind: MasterDataRef['kind'], ids: readonly string[], at: string): MasterDataRef[] =>
  ids.map((id, i) => ({ kind, id, path: `${at}[${i}]` }));

/** Every carrier, shop, SKU and warehouse the chain names, with its path inside the chain. */
export function carrierChainReferences(chain: CarrierChain): MasterDataRef[] {
  return [
    ...chain.platform.flatMap((rule, i) => [
      ...each('shop', rule.shops, `platform[${i}].shops`),
      carrier(rule.carrier, `platform[${i}].carrier`),
    ]),
    ...each('carrier', chain.remark.allowed, 'remark.allowed'),
    ...chain.sku.flatMap((rule, i) => [
      ...each('sku', rule.skus, `sku[${i}].skus`),
      carrier(rule.carrier, `sku[${i}].carrier`),
    ]),
    ...chain.shop.flatMap((rule, i) => [
      ...each('shop', rule.shops, `shop[${i}].shops`),
      carrier(rule.carrier, `shop[${i}].carrier`),
    ]),
    ...chain.weight.map((band, i) => carrier(band.carrier, `weight[${i}].carrier`)),
    ...chain.area.map((rule, i) => carrier(rule.carrier, `area[${i}].carrier`)),
    ...chain.warehouse.flatMap((rule, i): MasterDataRef[] => [
      { kind: 'warehouse', id: rule.warehouse, path: `warehouse[${i}].warehouse` },
      carrier(rule.carrier, `warehouse[${i}].carrier`),
    ]),
    ...each('carrier', chain.cheapestAmong, 'cheapestAmong'),
  ];
}
