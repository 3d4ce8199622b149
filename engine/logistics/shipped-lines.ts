import { findSku } from '../client/client-index.ts';
import type { Client } from '../client/index.ts';
import type { Decision } from '../decision/decision.ts';
import type { OrderLine, StandardOrder } from '../order/schema.ts';

/**
 * The lines that ship, for the stages after substitution (split, routing's stock fit, carrier
 * weight): the order's lines without refunded ones, with the decision's substitutions applied in
 * the order they were made, then the decision's gifts as gift lines. The order itself stays as
 * the platform sent it.
 */
export function effectiveLines(
  order: StandardOrder,
  decision: Pick<Decision, 'substitutions' | 'gifts'>,
  client?: Client,
): readonly OrderLine[] {
  const lines = substitutedLines(order, decision.substitutions, client);
  if (decision.gifts.length === 0) return lines;
  const all = lines.slice();
  for (const { sku, qty } of decision.gifts) {
    const item = findSku(client, sku);
    all.push({
      sku,
      name: item?.name ?? '',
      qty,
      price: 0,
      weightKg: item?.weightKg ?? 0,
      volumeL: item?.volumeL ?? 0,
      category: item?.category ?? '',
      isGift: true,
      isPresale: false,
      refundStatus: 'none',
    });
  }
  return all;
}

/**
 * Order lines, refunded ones dropped, with each substitution replacing every unit of `from`
 * present at its turn. A substitution records the units of `to` (`qty`), so its ratio is
 * `qty / units of from`; each line keeps its own flags (presale, gift) and its amount, and
 * takes the weight of `to` from the catalogue when it knows one.
 */
export function substitutedLines(
  order: StandardOrder,
  substitutions: Decision['substitutions'],
  client?: Client,
): readonly OrderLine[] {
  // The order's own lines, read in place (never changed), when none is refunded: the common case.
  let lines = withoutRefunded(order.lines);
  for (const { from, to, qty } of substitutions) {
    const fromQty = lines.reduce((sum, line) => sum + (line.sku === from ? line.qty : 0), 0);
    if (fromQty === 0) continue;
    const ratio = qty / fromQty;
    const item = findSku(client, to);
    lines = lines.map((line) =>
      line.sku !== from
        ? line
        : {
            ...line,
            sku: to,
            name: item?.name ?? '',
            qty: line.qty * ratio,
            price: line.price / ratio,
            weightKg: item?.weightKg || line.weightKg / ratio,
            volumeL: item?.volumeL || line.volumeL / ratio,
            category: item?.category ?? line.category,
          },
    );
  }
  return lines;
}

function withoutRefunded(lines: readonly OrderLine[]): readonly OrderLine[] {
  for (const line of lines) {
    if (line.refundStatus === 'refunded') return lines.filter((l) => l.refundStatus !== 'refunded');
  }
  return lines;
}

/** Units of one SKU that have to leave a warehouse together. */
export interface ShipLine {
  sku: string;
  qty: number;
}

/** The lines that ship (`effectiveLines`), merged by SKU: what stock fit and reservation count. */
export function shippingLines(
  order: StandardOrder,
  decision: Pick<Decision, 'substitutions' | 'gifts'>,
  client?: Client,
): ShipLine[] {
  // effectiveLines' lines, then its gift lines, summed by SKU in first-seen order: the gifts' sku
  // and qty are all that counts of them, so no gift line is built. Without substitutions the
  // order's lines are read in place, not copied. An order has a few SKUs, so the sums are a scan.
  const lines: ShipLine[] = [];
  const source =
    decision.substitutions.length === 0
      ? order.lines
      : substitutedLines(order, decision.substitutions, client);
  for (const line of source) if (line.refundStatus !== 'refunded') addQty(lines, line.sku, line.qty);
  for (const gift of decision.gifts) addQty(lines, gift.sku, gift.qty);
  let kept = 0;
  for (const line of lines) if (line.qty > 0) lines[kept++] = line;
  if (kept < lines.length) lines.length = kept;
  return lines;
}

function addQty(lines: ShipLine[], sku: string, qty: number): void {
  for (const line of lines) {
    if (line.sku === sku) {
      line.qty += qty;
      return;
    }
  }
  lines.push({ sku, qty });
}
