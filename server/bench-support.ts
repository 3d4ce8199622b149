/** What the server benchmarks share: sample orders with fresh ids, autocannon runs, a process's CPU time. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import autocannon from 'autocannon';

const root = new URL('../', import.meta.url).pathname;

export interface Scenario {
  name: string;
  path: string;
  body: unknown;
  orders: number;
  connections: number;
}

export async function sampleOrders(): Promise<Record<string, unknown>[]> {
  const dir = join(root, 'samples/orders');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8'))));
}

/**
 * CPU time the server process has used, in ms (Linux: /proc, in clock ticks of 10 ms), or
 * undefined elsewhere. On a shared machine wall-clock figures swing with the load; CPU per order
 * says what a core could do.
 */
export async function cpuMs(pid: number): Promise<number | undefined> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

let sent = 0;
/** Where each platform's raw order (at its top level) and the standard order keep the order id. */
export const ID_KEYS = ['id', 'tid', 'tid_str', 'orderId', 'order_id', 'shop_order_id', 'order_sn'];

/**
 * The scenario's body with order ids of this request's own: evaluate is idempotent by order id, so an
 * order sent again would be answered from the audit log (a replay), not decided.
 */
export function freshIds(body: unknown): string {
  sent++;
  const rename = (order: unknown, i: number) => {
    const renamed: Record<string, unknown> = { ...(order as Record<string, unknown>) };
    for (const key of ID_KEYS) if (key in renamed) renamed[key] = `${renamed[key]}${sent}${i}`;
    return renamed;
  };
  const { order, orders, ...rest } = body as { order?: unknown; orders?: unknown[] };
  return JSON.stringify({
    ...rest,
    ...(order === undefined ? {} : { order: rename(order, 0) }),
    ...(orders === undefined ? {} : { orders: orders.map(rename) }),
  });
}

export function load(url: string, scenario: Scenario, duration: number, adminKey: string) {
  return autocannon({
    url: `${url}${scenario.path}`,
    method: 'POST',
    connections: scenario.connections,
    duration,
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    requests: [
      { method: 'POST', setupRequest: (request) => ({ ...request, body: freshIds(scenario.body) }) },
    ],
  });
}
