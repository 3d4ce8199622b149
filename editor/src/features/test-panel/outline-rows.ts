/** One line of the side-by-side view: a field of the decision outline, as text on each side. */
export interface OutlineRow {
  field: 'status' | 'holds' | 'flags' | 'warehouse' | 'carrier' | 'gifts' | 'tags' | 'parcels' | 'error';
  baseline: string;
  candidate: string;
  changed: boolean;
}

type Outline = Record<string, unknown>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const skuQty = (v: unknown) => {
  const { sku, qty } = v as { sku?: unknown; qty?: unknown };
  return `${String(sku)}×${String(qty)}`;
};

const TEXT: Record<OutlineRow['field'], (o: Outline) => string> = {
  status: (o) => String(o.status ?? ''),
  holds: (o) => list(o.holds).join('、') || '—',
  flags: (o) => list(o.flags).join('、') || '—',
  warehouse: (o) => (o.warehouse ? String(o.warehouse) : '—'),
  carrier: (o) => (o.carrier ? String(o.carrier) : '—'),
  gifts: (o) => list(o.gifts).map(skuQty).join('、') || '—',
  tags: (o) => list(o.tags).join('、') || '—',
  parcels: (o) =>
    list(o.parcels)
      .map((p) => {
        const { warehouse, lines } = p as { warehouse?: unknown; lines?: unknown };
        return `${warehouse ? String(warehouse) : '-'}: ${list(lines).map(skuQty).join(', ')}`;
      })
      .join(' | ') || '—',
  error: (o) => (o.error ? String(o.error) : '—'),
};

/**
 * Two decision outlines (as the changes API gives them) field by field, for a side-by-side view:
 * every field either side has, the error only when one failed, each marked when the two differ.
 */
export function outlineRows(baseline: Outline, candidate: Outline): OutlineRow[] {
  return (Object.keys(TEXT) as OutlineRow['field'][])
    .filter((field) => field !== 'error' || baseline.error !== undefined || candidate.error !== undefined)
    .map((field) => {
      const b = TEXT[field](baseline);
      const c = TEXT[field](candidate);
      return { field, baseline: b, candidate: c, changed: b !== c };
    });
}
