import type { MasterDataRef } from '../../client/index.ts';
import { type ApplyContext, defineEvent } from '../../events/event-def.ts';
import { NO_LINES, noLinesMessage } from '../../events/no-lines.ts';
import {
  type GiftMatch,
  type PreparedGiftRule,
  prepareGiftRule,
  qualifyingLines,
} from './gift-conditions.ts';
import { type GiftRulesParams, GiftRulesParamsSchema, type GiftSpec } from './gift-rule.schema.ts';
import { canSupply, reserveAtChosen, type SupplyContext } from './stock-supply.ts';

/**
 * A promotion's rules, evaluated in order when an order reaches the node. Everything a rule tests
 * is computed here, not in rule JSON: caps, bands, multiples and exclusivity depend on state and
 * on each other in rule order, so splitting a rule between the engine and this event would give
 * it two meanings. What the rule JSON carries is the graph's path to the node, which gates all of them.
 */
export const giftRulesEvent = defineEvent({
  type: 'gift.rules',
  label: { en: 'Gift rules', zh: '赠品规则' },
  params: GiftRulesParamsSchema,
  references: giftRulesReferences,
  apply: (params, context) => {
    const { order, state } = context;
    const lines = qualifyingLines(order);
    const linesUnknown = order.lines.length === 0;
    // What a gift is supplied from; decided once per order (the rules do not move the warehouse).
    let supply: SupplyContext | undefined;
    for (const rule of preparedRules(params)) {
      if (linesUnknown && rule.countsLines) {
        if (rule.besides().match(order, state, lines) === null) continue;
        context.hold(NO_LINES, noLinesMessage(`gift rule "${rule.id}"`));
        // Whether an exclusive rule gives decides whether the rules after it may: unknown, so none does.
        if (rule.exclusive) break;
        continue;
      }
      const match = rule.match(order, state, lines);
      if (!match) continue;
      supply ??= { state, client: context.client, warehouse: context.decision.warehouse };
      if (give(rule, match, supply, context) && rule.exclusive) break;
    }
  },
});

/** The rules prepared once per params object, which the pipeline parses once per strategy version. */
const preparedByParams = new WeakMap<GiftRulesParams, readonly PreparedGiftRule[]>();

function preparedRules(params: GiftRulesParams): readonly PreparedGiftRule[] {
  let prepared = preparedByParams.get(params);
  if (prepared === undefined) {
    prepared = params.rules.map(prepareGiftRule);
    preparedByParams.set(params, prepared);
  }
  return prepared;
}

/**
 * The main gift when it is within its caps and in stock, else the fallback when that is in stock.
 * Caps are read before stock: a stock check reads every warehouse, and a gift over its cap needs
 * none (the demo's stock reads in this stage fell from 15.6 an order to 9.0).
 */
function give(
  { caps }: PreparedGiftRule,
  { gift, sets }: GiftMatch,
  supply: SupplyContext,
  context: ApplyContext,
): boolean {
  const { order, state } = context;
  const qty = gift.qty * sets;
  if (caps.fit(qty, order, context.origin, state) && canSupply(gift.sku, qty, supply)) {
    caps.take(qty, order, state, context.decision.consumed);
    push(gift.sku, qty, supply, context);
    return true;
  }
  if (!gift.fallback) return false;
  const fallbackQty = (gift.fallback.qty ?? gift.qty) * sets;
  if (!canSupply(gift.fallback.sku, fallbackQty, supply)) return false;
  push(gift.fallback.sku, fallbackQty, supply, context);
  return true;
}

function push(sku: string, qty: number, supply: SupplyContext, context: ApplyContext): void {
  reserveAtChosen(sku, qty, supply, context.decision.consumed);
  // The origin's two fields by name: `{ sku, qty, ...origin }` without a spread per gift.
  const { strategyId, nodeId } = context.origin;
  context.decision.gifts.push({ sku, qty, strategyId, nodeId });
}

function giftRefs(gift: GiftSpec | undefined, at: string): MasterDataRef[] {
  if (!gift) return [];
  const refs: MasterDataRef[] = [{ kind: 'sku', id: gift.sku, path: `${at}.sku` }];
  if (gift.fallback) refs.push({ kind: 'sku', id: gift.fallback.sku, path: `${at}.fallback.sku` });
  return refs;
}

const skuRefs = (skus: readonly string[] | undefined, at: string): MasterDataRef[] =>
  (skus ?? []).map((id, i) => ({ kind: 'sku', id, path: `${at}[${i}]` }));

/** Every SKU and shop the rules name, with its path in the params. */
export function giftRulesReferences(params: GiftRulesParams): MasterDataRef[] {
  return params.rules.flatMap((rule, r) => {
    const at = `rules[${r}]`;
    const { spend, itemCount, buys, multiple, shops } = rule.when;
    return [
      ...giftRefs(rule.gift, `${at}.gift`),
      ...(spend?.bands ?? []).flatMap((band, b) => giftRefs(band.gift, `${at}.when.spend.bands[${b}].gift`)),
      ...skuRefs(itemCount?.skus, `${at}.when.itemCount.skus`),
      ...skuRefs(buys?.any, `${at}.when.buys.any`),
      ...skuRefs(buys?.all, `${at}.when.buys.all`),
      ...skuRefs(buys?.none, `${at}.when.buys.none`),
      ...skuRefs(multiple?.skus, `${at}.when.multiple.skus`),
      ...shops.map((id, i): MasterDataRef => ({ kind: 'shop', id, path: `${at}.when.shops[${i}]` })),
    ];
  });
}
