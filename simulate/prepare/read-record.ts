import { InputError } from '../../engine/errors/index.ts';
import {
  ADAPTER_PLATFORM_NAMES,
  type AdapterPlatform,
  adaptOrder,
  detectPlatform,
  notAnOrder,
} from '../../engine/order/adapters/index.ts';
import { parseOrderJson } from '../../engine/order/raw-json.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { SkippedRow } from '../threads/messages.ts';

/**
 * One NDJSON line as a standard order: parsed without losing digits, its platform the one given or
 * detected, adapted and normalised. `platformOption` names where a person says the platform
 * (`--platform` on the command line, `platform` on the API) for the error when none is detected.
 */
export function ndjsonOrder(
  text: string,
  line: number,
  platform: AdapterPlatform | undefined,
  platformOption = '--platform',
): StandardOrder {
  let raw: unknown;
  try {
    raw = parseOrderJson(text);
  } catch (error) {
    throw new InputError('not_json', `not JSON: ${(error as Error).message}`, { line });
  }
  const detected = platform ?? detectPlatform(raw);
  if (!detected) {
    const other = notAnOrder(raw, line);
    if (other) throw other;
    throw new InputError(
      'platform_unknown',
      `not a ${ADAPTER_PLATFORM_NAMES} order (none of their keys); say which with ${platformOption}`,
      { line },
    );
  }
  return adaptOrder(detected, raw, { line });
}

/** Any failure becomes a reported row: bad input must never stop a replay of a whole history. */
export function skippedRow(error: unknown, line: number): SkippedRow {
  if (error instanceof InputError) {
    const { line: at, orderId } = error.location;
    return { line: at ?? line, reason: error.message, ...(orderId ? { orderId } : {}) };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { line, reason: `could not be read (${message})` };
}
