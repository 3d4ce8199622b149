/** Past this many items a Set finds repeats faster than scanning what was kept. */
const SCAN_LIMIT = 16;

/**
 * `[...new Set(items.map(value))]`, with `.filter(Boolean)` first when `truthyOnly`: the first of
 * each value, in order. An order's few lines are scanned without building a Set and two arrays.
 */
export function distinct<T, V>(items: readonly T[], value: (item: T) => V, truthyOnly = false): V[] {
  // Most orders have one line: a one-element literal, where `[]` and a push allocate room for 17.
  if (items.length === 1) {
    const v = value(items[0]!);
    return truthyOnly && !v ? [] : [v];
  }
  const out: V[] = [];
  const seen = items.length > SCAN_LIMIT ? new Set<V>() : undefined;
  for (const item of items) {
    const v = value(item);
    if (truthyOnly && !v) continue;
    if (seen === undefined) {
      if (!out.includes(v)) out.push(v);
    } else if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}
