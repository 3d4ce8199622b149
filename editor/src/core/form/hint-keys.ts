import type { FieldHints, FieldWidget } from '../../../../engine/nodes/node-kind.ts';

/**
 * Kinds key their field hints by path with `[]` for every item of a list (`rules[].pattern`);
 * list items that are tagged variants may be keyed by tag instead (`steps.stock.onNoSingleFit`).
 * A form keeps every key its field may be known by, most specific first.
 */
export type HintKeys = readonly string[];

export const ROOT_KEYS: HintKeys = [''];

const join = (key: string, part: string) => (key ? `${key}.${part}` : part);

export function fieldKeys(keys: HintKeys, field: string): HintKeys {
  return keys.map((key) => join(key, field));
}

export function itemKeys(keys: HintKeys): HintKeys {
  return keys.map((key) => `${key}[]`);
}

/** Inside a tagged variant of a list item, `steps[]` is also known as `steps.<tag>`. */
export function variantKeys(keys: HintKeys, tag: string): HintKeys {
  const byTag = keys.filter((key) => key.endsWith('[]')).map((key) => `${key.slice(0, -2)}.${tag}`);
  return [...byTag, ...keys];
}

export function findHint(hints: FieldHints | undefined, keys: HintKeys) {
  if (!hints) return undefined;
  for (const key of keys) if (key && Object.hasOwn(hints, key)) return hints[key];
  return undefined;
}

/** Pickers offered by the name of a field when its kind gives no hint (decision-table outputs, event params). */
const BY_NAME: Record<string, FieldWidget> = {
  warehouse: 'warehouse',
  warehouses: 'warehouse',
  defaultWarehouse: 'warehouse',
  candidates: 'warehouse',
  carrier: 'carrier',
  carriers: 'carrier',
  sku: 'sku',
  skus: 'sku',
  from: 'sku',
  to: 'sku',
  shop: 'shop',
  shops: 'shop',
  regions: 'region',
  include: 'region',
  exclude: 'region',
  pattern: 'regex',
  keywords: 'keywords',
  fact: 'fact',
};

export function widgetFor(
  hints: FieldHints | undefined,
  keys: HintKeys,
  field: string | undefined,
): FieldWidget | undefined {
  return findHint(hints, keys)?.widget ?? (field ? BY_NAME[field] : undefined);
}
