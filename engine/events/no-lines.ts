import type { ApplyContext } from './event-def.ts';

/**
 * The hold for an order whose source gave no lines (an order-level export) when a stage needs
 * them: stock fit, splitting, substitution, gifts counted by SKU, carriers by SKU or weight. Each
 * such stage says so rather than decide as if the order were empty.
 */
export const NO_LINES = 'no_lines';

export function noLinesMessage(what: string): string {
  return `${what} needs the order's lines, and the order has none (its source gave no line detail)`;
}

/** Holds the order `no_lines` and says true when it has no lines; false, doing nothing, when it has. */
export function holdWithoutLines(context: ApplyContext, what: string): boolean {
  if (context.order.lines.length > 0) return false;
  context.hold(NO_LINES, noLinesMessage(what));
  return true;
}
