import type { Client, Warehouse } from '../../client/index.ts';
import { NO_LINES, noLinesMessage } from '../../events/no-lines.ts';
import { available, fitsAt, linesWeightKg, type ShipLine, type Shortage } from '../../logistics/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { StrategyState } from '../../state/index.ts';
import type { RouteChain } from './route-chain.schema.ts';
import { areaFilter, bindingFilter } from './route-filters.ts';
import { distanceTo, rankOrder, type WarehouseOrder } from './route-rank.ts';
import { type PlannedParcel, planSplit } from './route-split.ts';

export interface RouteInput {
  client: Client;
  order: StandardOrder;
  state: StrategyState;
  lines: readonly ShipLine[];
}

export type RouteOutcome =
  | { kind: 'placed'; warehouse: string; by: 'chain' | 'default' }
  | { kind: 'split'; parcels: PlannedParcel[] }
  | { kind: 'hold'; reason: 'no_warehouse' | 'stock_short' | typeof NO_LINES; message: string };

/** The warehouses left after each step, for the decision's explanation. */
export interface StepLog {
  step: string;
  left: string[];
}

const ids = (ws: readonly Warehouse[]) => ws.map((w) => w.id);

// Per chain (the params object the pipeline prepares once per rule), per client: neither changes once loaded.
const candidatesCache = new WeakMap<RouteChain, WeakMap<Client, readonly Warehouse[]>>();

/** The chain's candidate warehouses in its order, every client warehouse of each id. Never mutated: steps filter into new lists. */
function startingCandidates(chain: RouteChain, client: Client): readonly Warehouse[] {
  let byClient = candidatesCache.get(chain);
  if (!byClient) {
    byClient = new WeakMap();
    candidatesCache.set(chain, byClient);
  }
  let candidates = byClient.get(client);
  if (!candidates) {
    candidates =
      chain.candidates.length === 0
        ? [...client.warehouses]
        : chain.candidates.flatMap((id) => client.warehouses.filter((w) => w.id === id));
    byClient.set(client, candidates);
  }
  return candidates;
}

function fallback(chain: RouteChain, why: string): RouteOutcome {
  if (chain.defaultWarehouse) return { kind: 'placed', warehouse: chain.defaultWarehouse, by: 'default' };
  return { kind: 'hold', reason: 'no_warehouse', message: `${why} and the chain has no default warehouse` };
}

const listShortages = (short: readonly Shortage[], where: string) =>
  short.map(({ sku, need, have }) => `${sku} (needs ${need}, ${have} ${where})`).join(', ');

/** Names the SKUs no single warehouse has enough of, or else says the lines are scattered. */
function noSingleFit(candidates: readonly Warehouse[], state: StrategyState, lines: readonly ShipLine[]) {
  const short = lines
    .map(({ sku, qty }) => ({
      sku,
      need: qty,
      have: Math.max(0, ...candidates.map((w) => available(state, w.id, sku))),
    }))
    .filter(({ need, have }) => have < need);
  const message = short.length
    ? `no warehouse holds every line: ${listShortages(short, 'at most at one warehouse')}`
    : `no warehouse holds every line: ${lines.map((l) => l.sku).join(', ')} are in stock only at different warehouses`;
  return { kind: 'hold', reason: 'stock_short', message } as const;
}

/**
 * What a stable sort would put first: the earliest of the warehouses no other orders before. One
 * pass instead of a sort of a copy; the order is total (every rank mode ends on the id).
 */
function first(warehouses: readonly Warehouse[], order: WarehouseOrder): Warehouse {
  let best = warehouses[0]!;
  for (let i = 1; i < warehouses.length; i++) if (order(warehouses[i]!, best) < 0) best = warehouses[i]!;
  return best;
}

/**
 * Runs the chain's steps in their order over the candidate warehouses. A binding or area step
 * narrows; the stock step narrows to warehouses that hold every line (else splits, holds or
 * ignores, as configured); the rank step picks one. A step that leaves none sends the order to the
 * default warehouse. Without a rank step the first candidate left, in candidate order, wins.
 */
export function runRouteChain(
  chain: RouteChain,
  input: RouteInput,
): { outcome: RouteOutcome; log: StepLog[] } {
  const { client, order, state, lines } = input;
  const destination = order.receiver;
  const rankStep = chain.steps.find((s) => s.step === 'rank') ?? {
    step: 'rank' as const,
    by: 'priority' as const,
    priority: chain.candidates,
  };
  const best = rankOrder(rankStep, {
    client,
    order,
    destination,
    weightKg: linesWeightKg(lines, order, client),
  });
  let left: readonly Warehouse[] = startingCandidates(chain, client);
  const log: StepLog[] = [{ step: 'candidates', left: ids(left) }];
  if (left.length === 0)
    return { outcome: fallback(chain, 'the client has none of the candidate warehouses'), log };

  for (const step of chain.steps) {
    if (step.step === 'binding') left = left.filter(bindingFilter(step, order));
    else if (step.step === 'area') left = left.filter(areaFilter(step, destination));
    else if (step.step === 'rank') left = [first(left, best)];
    else if (order.lines.length === 0) {
      // Every warehouse "fits" no lines; the stock that matters is unknown, so none is chosen.
      log.push({ step: 'stock', left: [] });
      return { outcome: { kind: 'hold', reason: NO_LINES, message: noLinesMessage('the stock step') }, log };
    } else {
      const fitting = left.filter((w) => fitsAt(state, w.id, lines));
      if (fitting.length > 0) left = fitting;
      else if (step.onNoSingleFit === 'hold') {
        log.push({ step: 'stock', left: [] });
        return { outcome: noSingleFit(left, state, lines), log };
      } else if (step.onNoSingleFit === 'split') {
        const distance = distanceTo(destination);
        const preferred = [...left].sort((a, b) => distance(a) - distance(b) || best(a, b));
        const plan = planSplit(state, preferred, lines);
        const outcome: RouteOutcome = plan.ok
          ? { kind: 'split', parcels: plan.parcels }
          : {
              kind: 'hold',
              reason: 'stock_short',
              message: `the warehouses together lack stock: ${listShortages(plan.short, 'placeable')}`,
            };
        log.push({ step: 'stock', left: plan.ok ? plan.parcels.map((p) => p.warehouse) : [] });
        return { outcome, log };
      }
    }
    log.push({ step: step.step, left: ids(left) });
    if (left.length === 0)
      return { outcome: fallback(chain, `the ${step.step} step left no warehouse`), log };
  }
  return { outcome: { kind: 'placed', warehouse: left[0]!.id, by: 'chain' }, log };
}
