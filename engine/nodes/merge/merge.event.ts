import type { Decision } from '../../decision/decision.ts';
import { defineEvent } from '../../events/event-def.ts';
import { isoTime } from '../../order/iso-time.ts';
import { orderInstant } from '../../order/parse-iso-time.ts';
import type { StandardOrder } from '../../order/schema.ts';
import { type MergeParams, MergeParamsSchema } from './merge.schema.ts';
import { orderMergeKey, shipsFrom } from './merge-key.ts';

const HOUR_MS = 3_600_000;

/**
 * Merge (合单): the order joins the open group of orders with the same shop, buyer and receiver (and
 * warehouse and carrier, when asked), or opens one that takes orders paid within `windowHours` of its
 * own payment. The window runs on pay times, not on the decision clock, so the same orders merge
 * however long the OMS waits to decide them. What it did is `decision.merge`, and in `consumed` for
 * the state log; an order merges once, so a second merge rule reaching it changes nothing.
 */
export const mergeEvent = defineEvent({
  type: 'merge',
  label: { en: 'Merge orders', zh: '合单' },
  params: MergeParamsSchema,
  apply: (params, { order, decision, state, origin }) => {
    if (decision.merge) return;
    const excluded = exclusion(order, decision, params);
    if (excluded !== undefined) {
      decision.merge = {
        group: null,
        joined: false,
        size: 0,
        excluded,
        strategyId: origin.strategyId,
        nodeId: origin.nodeId,
      };
      return;
    }
    const paidAt = orderInstant(order.paidAt!);
    const presale = params.allowPresale && isPresale(order);
    const key = orderMergeKey(order, decision, {
      warehouse: params.match.warehouse,
      carrier: params.match.carrier,
      addressee: params.match.addressee === true,
      presale,
    });
    const open = state.mergeGroup(key, paidAt);
    const group = open
      ? { closesAt: open.closesAt, size: open.size + 1 }
      : { closesAt: paidAt + params.windowHours * HOUR_MS, size: 1 };
    state.recordMergeGroup(key, group, paidAt);
    const closesAt = isoTime(group.closesAt);
    decision.merge = {
      group: key,
      joined: open !== undefined,
      size: group.size,
      closesAt,
      strategyId: origin.strategyId,
      nodeId: origin.nodeId,
    };
    decision.consumed.push({
      kind: 'merge',
      group: key,
      at: isoTime(paidAt),
      closesAt,
      size: group.size,
    });
  },
});

const ONLY_ASTERISKS = /^\*+$/;

/** Name and phone both all asterisks: nothing of the receiver is left to match on but the region. */
function fullyMasked(receiver: StandardOrder['receiver']): boolean {
  return ONLY_ASTERISKS.test(receiver.name) && ONLY_ASTERISKS.test(receiver.phone);
}

/** Why the order may not merge, or undefined when it may. */
function exclusion(order: StandardOrder, decision: Decision, params: MergeParams): string | undefined {
  // A courier collects one sum per parcel: two COD orders in one parcel cannot be paid for apart.
  if (order.type === 'cod') return 'cod';
  if (order.paidAt === null) return 'unpaid';
  if (!params.allowPresale && isPresale(order)) return 'presale';
  // Matched by its open addressee id, the order's key holds no buyer or receiver text (Pinduoduo's
  // orders name no buyer at all): the id alone says who receives it.
  if (!(params.match.addressee && order.receiver.oaid)) {
    // An empty id or address would match every other order missing it.
    if (order.buyer.id === '') return 'no_buyer';
    if (order.receiver.address.trim() === '') return 'no_address';
    // Masked to nothing but asterisks (a receiver that came only as ciphertexts), two addressees
    // would look the same; only their open addressee ids tell them apart.
    if (fullyMasked(order.receiver)) return 'masked_receiver';
  }
  if (params.match.warehouse && shipsFrom(decision) === null) return 'no_warehouse';
  if (params.match.carrier && decision.carrier === null) return 'no_carrier';
  return undefined;
}

function isPresale(order: StandardOrder): boolean {
  if (order.type === 'presale') return true;
  for (const line of order.lines) if (line.isPresale) return true;
  return false;
}
