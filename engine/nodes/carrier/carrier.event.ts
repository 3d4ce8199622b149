import { defineEvent } from '../../events/event-def.ts';
import { NO_LINES, noLinesMessage } from '../../events/no-lines.ts';
import { orderShipment } from '../../logistics/index.ts';
import { carrierChainReferences } from './carrier-chain.references.ts';
import { type CarrierParams, CarrierParamsSchema } from './carrier-chain.schema.ts';
import { type CarrierOutcome, runCarrierChain } from './run-carrier-chain.ts';

/**
 * `{ nodeId, weightKg, ...outcome }`, key by key in the outcome's own key order (carrier, freight
 * when priced, level, skipped; or carrier, skipped, needsLines): no spread per order.
 */
function explainParams(nodeId: string, weightKg: number, outcome: CarrierOutcome): Record<string, unknown> {
  const params: Record<string, unknown> = { nodeId, weightKg, carrier: outcome.carrier };
  if (outcome.carrier !== null) {
    if ('freight' in outcome) params.freight = outcome.freight;
    params.level = outcome.level;
    params.skipped = outcome.skipped;
  } else {
    params.skipped = outcome.skipped;
    if ('needsLines' in outcome) params.needsLines = outcome.needsLines;
  }
  return params;
}

/**
 * Chooses the order's carrier: a fixed one, or the chain's choice for this order. A chain that
 * finds none holds the order `no_carrier` with every skipped carrier's reason, or `no_lines` when
 * it reached a level that reads lines the order does not have; a `carrier.explain`
 * entry in the decision's events says which level chose and what was skipped.
 */
export const carrierEvent = defineEvent<CarrierParams>({
  type: 'carrier',
  label: { en: 'Set carrier', zh: '指定快递' },
  params: CarrierParamsSchema,
  references: (params) =>
    params.chain
      ? carrierChainReferences(params.chain).map((ref) => ({ ...ref, path: `chain.${ref.path}` }))
      : [{ kind: 'carrier', id: params.carrier!, path: 'carrier' }],
  apply: (params, ctx) => {
    const { decision, order, client, origin } = ctx;
    if (params.carrier !== undefined) {
      decision.carrier = params.carrier;
      return;
    }
    if (!client) {
      ctx.hold('no_carrier', 'a carrier chain needs the client master data');
      return;
    }
    // The shipment routing made just before (and weighed, when it ranked by cost), not made anew.
    const { weightKg } = orderShipment(order, decision, client);
    const outcome = runCarrierChain(params.chain!, { client, order, decision, weightKg });
    decision.events.push({
      strategyId: origin.strategyId,
      type: 'carrier.explain',
      params: explainParams(origin.nodeId, weightKg, outcome),
    });
    if (outcome.carrier !== null) {
      decision.carrier = outcome.carrier;
      return;
    }
    if (outcome.needsLines) {
      ctx.hold(NO_LINES, noLinesMessage(`the carrier chain's ${outcome.needsLines} level`));
      return;
    }
    const why = outcome.skipped.length
      ? `skipped ${outcome.skipped.map((s) => `${s.carrier} (${s.level}): ${s.reason}`).join('; ')}`
      : 'no level of the chain named a carrier for it';
    ctx.hold('no_carrier', `no carrier can take this order: ${why}`);
  },
});
