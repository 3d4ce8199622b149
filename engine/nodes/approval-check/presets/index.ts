import type { PresetDef } from '../preset.ts';
import { addressPreset, ruralKeywordPreset } from './address.ts';
import { outOfStockPreset, skuNotMappedPreset } from './catalogue.ts';
import { codPreset, refundPendingPreset, unpaidPreset, waitAfterPaymentPreset } from './payment.ts';
import { priceBelowFloorPreset } from './price-floor.ts';
import { rangePreset } from './range.ts';
import { invoicePreset, remarkPresentPreset, sellerFlagPreset } from './remarks.ts';
import { blacklistPreset, duplicateOrderPreset } from './risk.ts';

// Method parameters are bivariant, so each specific preset is usable where its params are unknown.
export type AnyPreset = PresetDef<unknown>;

/** Every approval check a consultant can pick, in the order the editor lists them. */
export const APPROVAL_PRESETS = [
  unpaidPreset,
  refundPendingPreset,
  addressPreset,
  ruralKeywordPreset,
  remarkPresentPreset,
  sellerFlagPreset,
  codPreset,
  invoicePreset,
  rangePreset,
  priceBelowFloorPreset,
  duplicateOrderPreset,
  blacklistPreset,
  outOfStockPreset,
  skuNotMappedPreset,
  waitAfterPaymentPreset,
] as AnyPreset[];

const byId = new Map(APPROVAL_PRESETS.map((preset) => [preset.id, preset]));

export function approvalPreset(id: string): AnyPreset | undefined {
  return byId.get(id);
}
