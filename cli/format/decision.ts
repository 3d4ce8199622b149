import type { Decision } from '../../engine/decision/decision.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';

const STATUS = { approved: '✓ approved', held: '⏸ held', flagged: '⚑ flagged' } as const;

/** One order's decision in a few lines a consultant can read at a glance. */
export function formatDecision(order: StandardOrder, decision: Decision): string {
  const r = order.receiver;
  const place = [r.province, r.city, r.district].filter(Boolean).join(' ') || 'no address';
  const lines = [
    `${order.id}  ${order.platform}  ¥${order.amounts.total.toFixed(2)}  ${order.totals.qty} item(s)  ${place}`,
    `  ${STATUS[decision.status]}` +
      (decision.warehouse ? `  warehouse ${decision.warehouse}` : '') +
      (decision.carrier ? `  carrier ${decision.carrier}` : '') +
      (decision.tags.length ? `  tags ${decision.tags.join(', ')}` : ''),
  ];
  for (const hold of decision.holds)
    lines.push(
      `  hold ${hold.reason}${hold.message ? `: ${hold.message}` : ''}  (${hold.strategyId}${hold.nodeId ? `/${hold.nodeId}` : ''})`,
    );
  for (const flag of decision.flags)
    lines.push(
      `  flag ${flag.reason}${flag.message ? `: ${flag.message}` : ''}  (${flag.strategyId}/${flag.nodeId})`,
    );
  for (const gift of decision.gifts) lines.push(`  gift ${gift.sku} × ${gift.qty}`);
  for (const s of decision.substitutions) lines.push(`  substitute ${s.from} → ${s.to} × ${s.qty}`);
  for (const [i, parcel] of decision.parcels.entries()) {
    const items = parcel.lines.map((l) => `${l.sku} × ${l.qty}`).join(', ');
    lines.push(
      `  parcel ${i + 1}/${decision.parcels.length} ${parcel.warehouse ?? '(no warehouse)'} [${parcel.reason}]: ${items}`,
    );
  }
  const merge = decision.merge;
  if (merge)
    lines.push(
      merge.group === null
        ? `  merge: not merged (${merge.excluded})`
        : `  merge ${merge.joined ? 'joined' : 'opened'} group ${merge.group} (${merge.size} order(s), open until ${merge.closesAt})`,
    );
  const extracted = Object.entries(decision.extracted);
  if (extracted.length)
    lines.push(`  extracted ${extracted.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
  return lines.join('\n');
}
