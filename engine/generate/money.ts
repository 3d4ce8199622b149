/** Money as platforms write it. Plans keep fen (integers) so that sums and shares come out exact. */

/** "199.00" */
export const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * What each line pays once an order-level discount is shared out in proportion to the lines'
 * amounts, the rounding left on the last line, as platforms report per-line payments.
 */
export function shareOut(discountFen: number, amounts: readonly number[]): number[] {
  const total = amounts.reduce((a, b) => a + b, 0);
  let left = discountFen;
  return amounts.map((amount, i) => {
    const share = i === amounts.length - 1 ? left : Math.floor((discountFen * amount) / (total || 1));
    left -= share;
    return amount - share;
  });
}
