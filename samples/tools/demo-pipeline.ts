import type { Client } from '../../engine/client/index.ts';
import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import { loadStrategies, readJsonFile } from '../../engine/loader/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { createPipeline, type EngineName, type Pipeline } from '../../engine/runtime/index.ts';
import { InMemoryState, type StateSnapshot, type StrategyState } from '../../engine/state/index.ts';

export const DEMO_STRATEGIES = new URL('../clients/demo/strategies/', import.meta.url).pathname;
/** Double-11 stock with the best sellers, big items and a gift kept short (see the sample README). */
export const DEMO_STOCK = new URL('../history/demo-stock.json', import.meta.url).pathname;
/**
 * When a replayed double-11 is decided: the next morning, so the 10-minute merge wait after payment is
 * over for every order, as it would be for an OMS catching up on the day's orders.
 */
export const DECIDED_AT = new Date('2026-11-12T08:00:00+08:00');

export interface DemoStrategies {
  client: Client;
  compiled: CompiledStrategy[];
}

/** Every demo strategy compiled against the demo client; throws naming the file when one does not compile. */
export function loadDemoStrategies(): DemoStrategies {
  const { client, strategies } = loadStrategies(DEMO_STRATEGIES);
  if (!client) throw new Error(`no client.json beside ${DEMO_STRATEGIES}`);
  const compiled = strategies.map(({ file, result }) => {
    if (!result.ok) throw new Error(`${file} does not compile: ${JSON.stringify(result.issues)}`);
    return result.compiled;
  });
  return { client, compiled };
}

export function demoStock(): StateSnapshot {
  return readJsonFile(DEMO_STOCK) as StateSnapshot;
}

/**
 * One pipeline over every demo strategy with one state, so counters and stock carry from order to
 * order: the demo stock unless a state is given, decided at DECIDED_AT unless a time is given.
 */
export function demoPipeline(
  { client, compiled }: DemoStrategies,
  engine: EngineName,
  { state = new InMemoryState(demoStock()), at = DECIDED_AT }: { state?: StrategyState; at?: Date } = {},
): Pipeline {
  return createPipeline(compiled, { engine, client, state, clock: () => at });
}

/** When the order was paid, or created while unpaid: the order an OMS meets them in. */
export const payTime = (order: StandardOrder): number => Date.parse(order.paidAt ?? order.createdAt);
