import { type NormaliseContext, normaliseBuilt } from '../normalise.ts';
import type { StandardOrder } from '../schema.ts';
import { locateError, type RawRecord, record, unwrap } from './raw-fields.ts';

/**
 * A platform adapter's entry: the order under `key`, in one of the API's `envelopes` or bare, its
 * id, and the standard order `build` makes of it, normalised. An error names the input line and,
 * once it was read, the order's id.
 */
export function adaptEntry(
  raw: unknown,
  context: NormaliseContext,
  envelopes: readonly (readonly string[])[],
  key: string,
  idOf: (order: RawRecord) => string,
  build: (order: RawRecord, id: string) => StandardOrder,
): StandardOrder {
  let id: string | undefined;
  try {
    const order = record(unwrap(raw, envelopes), key);
    id = idOf(order);
    return normaliseBuilt(build(order, id), context);
  } catch (error) {
    throw locateError(error, context.line, id);
  }
}
