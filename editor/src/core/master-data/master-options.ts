import { regionChildren } from '../../../../engine/order/regions/region-index.ts';
import type { Client, FactInfo, FieldWidget } from '../engine.ts';

/** One choice a picker offers: the stored value and what a person reads. */
export interface Option {
  value: string;
  label: string;
}

let regions: Option[] | undefined;

/** Provinces and their cities by GB/T 2260 name; districts can still be typed. */
export function regionOptions(): Option[] {
  if (!regions) {
    regions = [];
    for (const province of regionChildren()) {
      regions.push({ value: province.name, label: `${province.name} ${province.code}` });
      for (const city of regionChildren(province.code)) {
        if (city.name !== province.name)
          regions.push({ value: city.name, label: `${province.name} ${city.name}` });
      }
    }
  }
  return regions;
}

/** What a widget offers from the client's master data: "WH-SH 上海仓" and so on. */
export function masterOptions(widget: FieldWidget | undefined, client: Client | undefined): Option[] {
  switch (widget) {
    case 'warehouse':
      return (client?.warehouses ?? []).map((w) => ({ value: w.id, label: `${w.id} ${w.name}` }));
    case 'carrier':
      return (client?.carriers ?? []).map((c) => ({ value: c.id, label: `${c.id} ${c.name}` }));
    case 'sku':
      return (client?.skus ?? []).map((s) => ({ value: s.sku, label: `${s.sku} ${s.name}` }));
    case 'shop':
      return (client?.shops ?? []).map((s) => ({ value: s.id, label: `${s.id} ${s.name}` }));
    case 'region':
      return regionOptions();
    default:
      return [];
  }
}

/** The picker a condition on this fact wants for its value: shops for `shop`, SKUs for `skus` … */
export function factWidget(fact: FactInfo | undefined): FieldWidget | undefined {
  switch (fact?.path) {
    case 'shop':
      return 'shop';
    case 'skus':
    case 'unmappedSkus':
    case 'outOfStockSkus':
      return 'sku';
    case 'decision.warehouse':
      return 'warehouse';
    case 'decision.carrier':
      return 'carrier';
    case 'receiver':
    case 'receiver.province':
    case 'receiver.city':
    case 'receiver.district':
      return 'region';
    default:
      return undefined;
  }
}
