import type { MasterDataRef } from '../../client/index.ts';
import { type ApplyContext, defineEvent } from '../../events/event-def.ts';
import { holdWithoutLines } from '../../events/no-lines.ts';
import { substitutedLines } from '../../logistics/index.ts';
import type { OrderLine } from '../../order/schema.ts';
import { remarkContainsAny } from '../gift/gift-conditions.ts';
import { canSupply } from '../gift/stock-supply.ts';
import { inWindow } from '../gift/time-window.ts';
import { type SubstituteParams, SubstituteParamsSchema, type Substitution } from './substitute.schema.ts';

/**
 * Tries each substitution in order on the lines as earlier ones left them (A → B then B → C
 * chains), and records those that apply; `effectiveLines` turns the records into the lines later
 * stages ship. Nothing is reserved: no warehouse is chosen yet.
 */
export const substituteEvent = defineEvent({
  type: 'substitute',
  label: { en: 'Substitute SKU', zh: '商品替换' },
  params: SubstituteParamsSchema,
  references: substituteReferences,
  apply: ({ substitutions }, context) => {
    if (holdWithoutLines(context, 'substitution')) return;
    const { decision, order, client } = context;
    const { strategyId, nodeId } = context.origin;
    // The lines change only when a substitution is recorded: they are worked out again then, not per substitution.
    let lines = substitutedLines(order, decision.substitutions, client);
    for (const sub of substitutions) {
      const fromQty = qtyOfSku(lines, sub.from);
      if (fromQty === 0 || !applies(sub, fromQty, context)) continue;
      decision.substitutions.push({
        from: sub.from,
        to: sub.to,
        qty: fromQty * sub.ratio,
        strategyId,
        nodeId,
      });
      lines = substitutedLines(order, decision.substitutions, client);
    }
  },
});

/** Units of one SKU among the lines: a loop, where `reduce` made a closure per substitution. */
function qtyOfSku(lines: readonly OrderLine[], sku: string): number {
  let qty = 0;
  for (const line of lines) if (line.sku === sku) qty += line.qty;
  return qty;
}

function applies({ when, from, to, ratio }: Substitution, fromQty: number, context: ApplyContext): boolean {
  switch (when.kind) {
    case 'window':
      return inWindow(context.order, when);
    case 'remark':
      return remarkContainsAny(context.order, when.keywords);
    case 'outOfStock': {
      const supply = { state: context.state, client: context.client, warehouse: context.decision.warehouse };
      return !canSupply(from, fromQty, supply) && canSupply(to, fromQty * ratio, supply);
    }
  }
}

export function substituteReferences(params: SubstituteParams): MasterDataRef[] {
  return params.substitutions.flatMap(({ from, to }, i): MasterDataRef[] => [
    { kind: 'sku', id: from, path: `substitutions[${i}].from` },
    { kind: 'sku', id: to, path: `substitutions[${i}].to` },
  ]);
}
