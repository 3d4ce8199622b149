import type { MasterDataRef } from '../../client/index.ts';
import type { Decision } from '../../decision/decision.ts';
import { type ApplyContext, defineEvent } from '../../events/event-def.ts';
import { orderShipment, type ShipLine, Shipment, takeStock } from '../../logistics/index.ts';
import { chainReferences } from './route-chain.references.ts';
import { type RouteChain, type RouteParams, RouteParamsSchema } from './route-chain.schema.ts';
import { runRouteChain } from './run-route-chain.ts';

type Parcel = Decision['parcels'][number];

/** Placed when it ships whole from one warehouse, or every parcel has one (the pipeline's test too). */
function isPlaced(d: Decision): boolean {
  if (d.warehouse !== null) return true;
  if (d.parcels.length === 0) return false;
  for (const p of d.parcels) if (p.warehouse === null) return false;
  return true;
}

/** The order's warehouse when every parcel ships from the same one; carrier rules read it. */
function settleWarehouse(d: Decision): void {
  const [first] = d.parcels;
  if (first === undefined || first.warehouse === null || first.warehouse === undefined) return;
  for (const p of d.parcels) if (p.warehouse !== first.warehouse) return;
  d.warehouse = first.warehouse;
}

/** Appends what was taken, without spreading it into a call's arguments. */
function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/** Lines of one SKU summed into one, in first-seen order: a parcel has a few lines, so a scan, not a Map. */
function mergeLines(lines: readonly ShipLine[]): ShipLine[] {
  const merged: ShipLine[] = [];
  next: for (const { sku, qty } of lines) {
    for (const line of merged) {
      if (line.sku === sku) {
        line.qty += qty;
        continue next;
      }
    }
    merged.push({ sku, qty });
  }
  return merged;
}

function placeFixed(warehouse: string, ctx: ApplyContext): void {
  const { decision, order, state } = ctx;
  const pending = decision.parcels.filter((p) => p.warehouse === null);
  const lines = decision.parcels.length
    ? mergeLines(pending.flatMap((p) => p.lines))
    : orderShipment(order, decision, ctx.client).lines;
  for (const parcel of pending) parcel.warehouse = warehouse;
  if (decision.parcels.length === 0) decision.warehouse = warehouse;
  else settleWarehouse(decision);
  pushAll(decision.consumed, takeStock(state, warehouse, lines));
}

/** Routes one shipment (the whole order, or one parcel) and returns the parcels it became. */
function routeShipment(
  chain: RouteChain,
  shipment: Shipment,
  parcel: Parcel | null,
  ctx: ApplyContext,
): Parcel[] {
  const { client, order, state, decision, origin } = ctx;
  const { lines } = shipment;
  const { outcome, log } = runRouteChain(chain, { client: client!, order, state, shipment });
  // Built key by key rather than around a conditional spread, which V8 gives a fresh shape each time.
  const params: Record<string, unknown> = { nodeId: origin.nodeId };
  if (parcel) params.lines = lines;
  params.outcome = outcome;
  params.steps = log;
  decision.events.push({ strategyId: origin.strategyId, type: 'route.explain', params });
  if (outcome.kind === 'hold') {
    const at = parcel ? `parcel of ${lines.map((l) => `${l.qty}×${l.sku}`).join(', ')}: ` : '';
    ctx.hold(outcome.reason, `${at}${outcome.message}`);
    return parcel ? [parcel] : [];
  }
  if (outcome.kind === 'placed') {
    pushAll(decision.consumed, takeStock(state, outcome.warehouse, lines));
    if (!parcel) decision.warehouse = outcome.warehouse;
    return parcel ? [{ ...parcel, warehouse: outcome.warehouse }] : [];
  }
  return outcome.parcels.map((p) => {
    pushAll(decision.consumed, takeStock(state, p.warehouse, p.lines));
    return {
      warehouse: p.warehouse,
      lines: p.lines,
      reason: parcel ? `${parcel.reason}+stock_split` : 'stock_split',
    };
  });
}

/** The parcels an earlier split made, each still unplaced one routed on its own (a loop: no closure per order). */
function routeParcels(chain: RouteChain, ctx: ApplyContext): Parcel[] {
  const parcels: Parcel[] = [];
  for (const parcel of ctx.decision.parcels) {
    if (parcel.warehouse === null)
      pushAll(
        parcels,
        routeShipment(chain, new Shipment(mergeLines(parcel.lines), ctx.order, ctx.client), parcel, ctx),
      );
    else parcels.push(parcel);
  }
  return parcels;
}

/**
 * Places the order: at a fixed warehouse, or where the chain says for this order, client and
 * stock. Parcels an earlier split made are routed one by one. The first route event to place an
 * order wins, so its stock is taken once.
 */
export const routeEvent = defineEvent<RouteParams>({
  type: 'route',
  label: { en: 'Route to warehouse', zh: '分配仓库' },
  params: RouteParamsSchema,
  references: (params): MasterDataRef[] =>
    params.chain
      ? chainReferences(params.chain).map((ref) => ({ ...ref, path: `chain.${ref.path}` }))
      : [{ kind: 'warehouse', id: params.warehouse!, path: 'warehouse' }],
  apply: (params, ctx) => {
    const { decision, order } = ctx;
    if (isPlaced(decision)) return;
    if (params.warehouse !== undefined) {
      placeFixed(params.warehouse, ctx);
      return;
    }
    const chain = params.chain!;
    if (!ctx.client) {
      ctx.hold('no_warehouse', 'a route chain needs the client master data');
      return;
    }
    if (decision.parcels.length === 0) {
      decision.parcels = routeShipment(chain, orderShipment(order, decision, ctx.client), null, ctx);
      return;
    }
    decision.parcels = routeParcels(chain, ctx);
    settleWarehouse(decision);
  },
});
