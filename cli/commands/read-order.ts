import { InputError } from '../../engine/errors/index.ts';
import { readJsonFile } from '../../engine/loader/index.ts';
import { type AdapterPlatform, adaptOrder, detectPlatform } from '../../engine/order/adapters/index.ts';
import { parseOrderJson } from '../../engine/order/raw-json.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';

export type Platform = AdapterPlatform;

/**
 * One order from a file (or - for standard input), raw from a platform or standard. Read as the API
 * reads a body, so a TOP trade's 19-digit numeric ids keep their digits.
 */
export function readOrder(file: string, platform?: Platform): StandardOrder {
  const raw = readJsonFile(file, parseOrderJson);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError('order_invalid', `${file} must hold one order as a JSON object`, { field: file });
  }
  return adaptOrder(platform ?? detectPlatform(raw) ?? 'standard', raw);
}
