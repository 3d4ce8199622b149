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
): OrderLine[] {
  const gifts = decision.gifts.map(({ sku, qty }): OrderLine => {
    const item = findSku(client, sku);
    return {
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
    };
  });
  return [...substitutedLines(order, decision.substitutions, client), ...gifts];
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
): OrderLine[] {
  let lines = order.lines.filter((line) => line.refundStatus !== 'refunded');
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
  // effectiveLines' lines, then its gift lines, summed by SKU: the gifts' sku and qty are all
  // that counts of them, so no gift line is built.
  const qty = new Map<string, number>();
  for (const line of substitutedLines(order, decision.substitutions, client))
    qty.set(line.sku, (qty.get(line.sku) ?? 0) + line.qty);
  for (const gift of decision.gifts) qty.set(gift.sku, (qty.get(gift.sku) ?? 0) + gift.qty);
  const lines: ShipLine[] = [];
  for (const [sku, n] of qty) if (n > 0) lines.push({ sku, qty: n });
  return lines;
}
