import { type Client, perClient, type Warehouse } from '../../client/index.ts';
import { NO_LINES, noLinesMessage } from '../../events/no-lines.ts';
import {
  available,
  fitsAt,
  placeKey,
  type ShipLine,
  type Shipment,
  type Shortage,
} from '../../logistics/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { StrategyState } from '../../state/index.ts';
import type { RankStep, RouteChain } from './route-chain.schema.ts';
import { keepBound, keepCovering } from './route-filters.ts';
import { distance, type RankFreight, RankMeasure, rankFreight } from './route-rank.ts';
import { type PlannedParcel, planSplit } from './route-split.ts';
import { SharedList } from './shared-list.ts';

export interface RouteInput {
  client: Client;
  order: StandardOrder;
  state: StrategyState;
  /** What is routed: the whole order, or one parcel of it. */
  shipment: Shipment;
}

export type RouteOutcome =
  | { kind: 'placed'; warehouse: string; by: 'chain' | 'default' }
  | { kind: 'split'; parcels: PlannedParcel[] }
  | { kind: 'hold'; reason: 'no_warehouse' | 'stock_short' | typeof NO_LINES; message: string };

/**
 * The warehouses left after each step, for the decision's explanation. A list every order of a
 * shop and place reaches logs the shared list's frozen ids, not a copy of them.
 */
export interface StepLog {
  step: string;
  left: readonly string[];
}

function ids(ws: readonly Warehouse[]): string[] {
  const out: string[] = new Array(ws.length);
  for (let i = 0; i < ws.length; i++) out[i] = ws[i]!.id;
  return out;
}

/** What a chain needs on every order, worked out once per chain and client. */
interface PreparedChain {
  /** The chain's candidate warehouses in its order, every client warehouse of each id, with what its steps left of them. */
  candidates: SharedList;
  rankStep: RankStep;
  /** The carriers the rank step prices with, when it ranks by cost. */
  rankCarriers: RankFreight | undefined;
}

const prepare = perClient((chain: RouteChain, client: Client): PreparedChain => {
  const rankStep: RankStep = chain.steps.find((s) => s.step === 'rank') ?? {
    step: 'rank',
    by: 'priority',
    priority: chain.candidates,
  };
  return {
    candidates: new SharedList(
      chain.candidates.length === 0
        ? [...client.warehouses]
        : chain.candidates.flatMap((id) => client.warehouses.filter((w) => w.id === id)),
    ),
    rankStep,
    rankCarriers: rankStep.by === 'cheapest' ? rankFreight(rankStep, client) : undefined,
  };
});

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
 * The warehouses of `left` that hold every line: `left` itself when all do, the common case, so
 * the list stays shared and its ids are logged without a copy.
 */
function fittingAt(
  left: readonly Warehouse[],
  state: StrategyState,
  lines: readonly ShipLine[],
): readonly Warehouse[] {
  let fitting: Warehouse[] | undefined;
  for (let i = 0; i < left.length; i++) {
    const w = left[i]!;
    const fits = fitsAt(state, w.id, lines);
    if (fitting) {
      if (fits) fitting.push(w);
    } else if (!fits) fitting = left.slice(0, i);
  }
  return fitting ?? left;
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
  const { client, order, state, shipment } = input;
  const { lines } = shipment;
  const destination = order.receiver;
  const { candidates, rankStep, rankCarriers } = prepare(chain, client);
  const rank = new RankMeasure(rankStep, order, shipment, rankCarriers);
  let left: readonly Warehouse[] = candidates.warehouses;
  // The list every order with this shop, platform and place shares, while `left` is one (binding
  // and area results of shared lists); null once a step has narrowed for this order alone.
  let shared: SharedList | null = candidates;
  const log: StepLog[] = [{ step: 'candidates', left: candidates.ids }];
  if (left.length === 0)
    return { outcome: fallback(chain, 'the client has none of the candidate warehouses'), log };

  for (const step of chain.steps) {
    if (step.step === 'binding') {
      if (shared) {
        shared = shared.bound(step, order);
        left = shared.warehouses;
      } else left = keepBound(step, order, left);
    } else if (step.step === 'area') {
      // The destination's key once per order, not once per warehouse and list.
      const to = placeKey(destination);
      if (shared) {
        shared = shared.covering(step, to);
        left = shared.warehouses;
      } else left = keepCovering(step, to, left);
    } else if (step.step === 'rank') {
      left = [rank.first(left)];
      shared = null;
    } else if (order.lines.length === 0) {
      // Every warehouse "fits" no lines; the stock that matters is unknown, so none is chosen.
      log.push({ step: 'stock', left: [] });
      return { outcome: { kind: 'hold', reason: NO_LINES, message: noLinesMessage('the stock step') }, log };
    } else {
      const fitting = fittingAt(left, state, lines);
      if (fitting.length > 0) {
        if (fitting !== left) shared = null;
        left = fitting;
      } else if (step.onNoSingleFit === 'hold') {
        log.push({ step: 'stock', left: [] });
        return { outcome: noSingleFit(left, state, lines), log };
      } else if (step.onNoSingleFit === 'split') {
        const preferred = [...left].sort(
          (a, b) =>
            distance(a, destination) - distance(b, destination) || rank.compare(a, rank.of(a), b, rank.of(b)),
        );
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
    log.push({ step: step.step, left: shared ? shared.ids : ids(left) });
    if (left.length === 0)
      return { outcome: fallback(chain, `the ${step.step} step left no warehouse`), log };
  }
  return { outcome: { kind: 'placed', warehouse: left[0]!.id, by: 'chain' }, log };
}
