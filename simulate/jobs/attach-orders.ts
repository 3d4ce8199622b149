import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { decisionTime } from '../order-time.ts';
import type { SimulateTask } from './messages.ts';
import { scanHistory } from './scan-history.ts';

/** An order whose standard JSON is longer than this is not kept with its change: a page stays small. */
export const ORDER_KEEP_CHARS = 16_384;
/** Orders are kept for this many changes (in decision order) at most: the job holds them in memory meanwhile. */
export const ORDERS_KEPT = 20_000;

/** Why a change carries no order (api/'s `ChangedOrderSchema.orderMissing` spells them out too). */
export const ORDER_MISSING = ['too_large', 'ambiguous', 'beyond_limit', 'not_found'] as const;
export type OrderMissing = (typeof ORDER_MISSING)[number];

async function* lines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of reader) if (line !== '') yield line;
}

/** One reading of a changed id in the history, with what orders the replay by. */
interface Reading {
  time: number;
  line: number;
  json: string;
}

/**
 * Adds to each changed order of `changesFile` the standard order it was decided from, so the
 * editor can run that order again: `"order"`, or `"orderMissing"` saying why not. The decision
 * logs keep no orders (that would cost every order, changed or not); instead the history is read
 * once more, after the run, with the readers the simulation used, and the changed ids picked out.
 * An id the history holds several times is matched when every one of them changed: the replay
 * decided them in (decision time, line) order, as the changes list them. Otherwise which one
 * changed is not recorded, and it is left out as ambiguous.
 */
export async function attachOrders(
  changesFile: string,
  task: Pick<SimulateTask, 'orders' | 'mapping' | 'platform' | 'limit'>,
): Promise<void> {
  /** Changes per id, among those that keep their order. */
  const wanted = new Map<string, number>();
  let changes = 0;
  for await (const line of lines(changesFile)) {
    if (changes++ >= ORDERS_KEPT) break;
    const { orderId } = JSON.parse(line) as { orderId: string };
    wanted.set(orderId, (wanted.get(orderId) ?? 0) + 1);
  }
  if (wanted.size === 0) return;
  const found = new Map<string, Reading[]>();
  await scanHistory({
    orders: task.orders,
    ...(task.mapping ? { mapping: task.mapping } : {}),
    ...(task.platform ? { platform: task.platform } : {}),
    ...(task.limit ? { limit: task.limit } : {}),
    onOrder(order, line) {
      if (!wanted.has(order.id)) return;
      const reading = { time: decisionTime(order), line, json: JSON.stringify(order) };
      const seen = found.get(order.id);
      if (seen) seen.push(reading);
      else found.set(order.id, [reading]);
    },
  });
  for (const [id, readings] of found) {
    if (readings.length > 1) readings.sort((a, b) => a.time - b.time || a.line - b.line);
    // Matched one for one only when every reading changed and all sort by a real time.
    if (
      readings.length > 1 &&
      (readings.length !== wanted.get(id) || readings.some((r) => Number.isNaN(r.time)))
    )
      found.set(id, []);
  }
  const withOrders = `${changesFile}.orders`;
  const out = createWriteStream(withOrders);
  const used = new Map<string, number>();
  let n = 0;
  for await (const line of lines(changesFile)) {
    const { orderId } = JSON.parse(line) as { orderId: string };
    const readings = found.get(orderId);
    const nth = used.get(orderId) ?? 0;
    used.set(orderId, nth + 1);
    const kept = readings?.[nth];
    const missing: OrderMissing | undefined =
      n++ >= ORDERS_KEPT
        ? 'beyond_limit'
        : !readings
          ? 'not_found'
          : !kept
            ? 'ambiguous'
            : kept.json.length > ORDER_KEEP_CHARS
              ? 'too_large'
              : undefined;
    // The line is this job's own JSON object: the field is appended without parsing it again.
    const extra = missing ? `"orderMissing":"${missing}"` : `"order":${kept!.json}`;
    if (!out.write(`${line.slice(0, -1)},${extra}}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  renameSync(withOrders, changesFile);
}
