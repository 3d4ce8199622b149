import { clientIndex } from '../../client/client-index.ts';
import type { Carrier, Client } from '../../client/index.ts';
import type { Decision } from '../../decision/decision.ts';
import { carrierRefusal, freightCost, inAnyRegion } from '../../logistics/index.ts';
import type { StandardOrder } from '../../order/schema.ts';
import type { CarrierChain, CarrierLevel, PlatformRule } from './carrier-chain.schema.ts';

export interface CarrierInput {
  client: Client;
  order: StandardOrder;
  decision: Pick<Decision, 'warehouse' | 'parcels' | 'extracted'>;
  /** What ships, in kg: weight bands and freight read it. */
  weightKg: number;
}

export interface Skip {
  level: CarrierLevel;
  carrier: string;
  reason: string;
}

/** `needsLines`: the level that would have been asked next reads the order's lines, and the order has none. */
export type CarrierOutcome =
  | { carrier: string; level: CarrierLevel; freight?: number; skipped: Skip[] }
  | { carrier: null; skipped: Skip[]; needsLines?: CarrierLevel };

interface Candidate {
  level: CarrierLevel;
  carrier: string;
  /** Why it cannot be used before looking at the carrier itself (a remark asking for a forbidden one). */
  refused?: string;
  /** Not a carrier: the chain reached a level that reads lines the order does not have. */
  needsLines?: true;
}

const matches = (rule: PlatformRule, order: StandardOrder) =>
  (rule.platform === undefined || rule.platform === order.platform) &&
  (rule.types.length === 0 || rule.types.includes(order.type)) &&
  (rule.labels.length === 0 || rule.labels.some((label) => order.labels.includes(label))) &&
  (rule.shops.length === 0 || rule.shops.includes(order.shop));

/** `extracted.carrierRequest` as the remark stage wrote it: a carrier id or name, a list of them, or `{carrier}`. */
function requests(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(requests);
  if (value && typeof value === 'object' && 'carrier' in value) return requests(value.carrier);
  return [];
}

function remarkCandidates(chain: CarrierChain, input: CarrierInput): Candidate[] {
  return requests(input.decision.extracted.carrierRequest).map((asked) => {
    const wanted = asked.toLowerCase();
    const carrier = input.client.carriers.find((c) => c.id.toLowerCase() === wanted || c.name === asked);
    if (!carrier) return { level: 'remark', carrier: asked, refused: `the client has no carrier "${asked}"` };
    const { allowed } = chain.remark;
    return allowed.length > 0 && !allowed.includes(carrier.id)
      ? {
          level: 'remark',
          carrier: carrier.id,
          refused: `${carrier.id} is not a carrier a remark may ask for`,
        }
      : { level: 'remark', carrier: carrier.id };
  });
}

/** Every carrier the levels propose for this order, highest precedence first. */
function* proposals(chain: CarrierChain, input: CarrierInput): Generator<Candidate> {
  const { order, decision, weightKg } = input;
  for (const rule of chain.platform)
    if (matches(rule, order)) yield { level: 'platform', carrier: rule.carrier };
  if (chain.remark.enabled) yield* remarkCandidates(chain, input);
  const linesUnknown = order.lines.length === 0;
  if (chain.mode === 'cheapest') {
    // Freight is priced by weight: without lines the cheapest carrier is unknown.
    if (linesUnknown) yield { level: 'cheapest', carrier: '', needsLines: true };
    return;
  }
  if (linesUnknown && chain.sku.length > 0) {
    yield { level: 'sku', carrier: '', needsLines: true };
    return;
  }
  const skus = new Set(order.lines.filter((l) => l.refundStatus !== 'refunded').map((l) => l.sku));
  for (const rule of chain.sku) {
    if (rule.skus.some((sku) => skus.has(sku))) yield { level: 'sku', carrier: rule.carrier };
  }
  for (const rule of chain.shop)
    if (rule.shops.includes(order.shop)) yield { level: 'shop', carrier: rule.carrier };
  if (linesUnknown && chain.weight.length > 0) {
    yield { level: 'weight', carrier: '', needsLines: true };
    return;
  }
  for (const band of chain.weight) {
    if (weightKg >= band.minKg && (band.maxKg === undefined || weightKg < band.maxKg)) {
      yield { level: 'weight', carrier: band.carrier };
    }
  }
  for (const rule of chain.area) {
    if (inAnyRegion(order.receiver, rule.regions)) yield { level: 'area', carrier: rule.carrier };
  }
  // Parcels from several warehouses still share one carrier: the first parcel's warehouse stands for the order.
  const warehouse = decision.warehouse ?? decision.parcels.find((p) => p.warehouse !== null)?.warehouse;
  for (const rule of chain.warehouse) {
    if (rule.warehouse === warehouse) yield { level: 'warehouse', carrier: rule.carrier };
  }
}

/** Why this carrier cannot take this order, or null. */
function refusal(carrier: Carrier | undefined, id: string, order: StandardOrder): string | null {
  if (!carrier) return `the client has no carrier "${id}"`;
  if (order.type === 'cod' && !carrier.cod) return `${id} does not take cash on delivery`;
  return carrierRefusal(carrier, order.receiver);
}

function cheapest(chain: CarrierChain, input: CarrierInput, skipped: Skip[]): CarrierOutcome {
  const ids = chain.cheapestAmong.length ? chain.cheapestAmong : input.client.carriers.map((c) => c.id);
  let best: { carrier: string; freight: number } | undefined;
  for (const id of ids) {
    const carrier = clientIndex(input.client).carriers.get(id);
    const reason = refusal(carrier, id, input.order);
    const freight = carrier && freightCost(carrier, input.order.receiver, input.weightKg);
    if (reason || freight === undefined) {
      skipped.push({
        level: 'cheapest',
        carrier: id,
        reason: reason ?? `${id} has no freight table to price it`,
      });
    } else if (!best || freight < best.freight) best = { carrier: id, freight };
  }
  return best
    ? { carrier: best.carrier, freight: best.freight, level: 'cheapest', skipped }
    : { carrier: null, skipped };
}

/**
 * The carrier for this order: the first proposal, in the fixed precedence, that can take it (a
 * carrier that excludes the destination, has no rate there, or cannot take a COD order is skipped
 * with its reason); in cheapest mode, after platform and remark, the cheapest allowed carrier.
 */
export function runCarrierChain(chain: CarrierChain, input: CarrierInput): CarrierOutcome {
  const skipped: Skip[] = [];
  for (const candidate of proposals(chain, input)) {
    if (candidate.needsLines) return { carrier: null, skipped, needsLines: candidate.level };
    const carrier = clientIndex(input.client).carriers.get(candidate.carrier);
    const reason = candidate.refused ?? refusal(carrier, candidate.carrier, input.order);
    if (!reason) return { carrier: candidate.carrier, level: candidate.level, skipped };
    skipped.push({ level: candidate.level, carrier: candidate.carrier, reason });
  }
  return chain.mode === 'cheapest' ? cheapest(chain, input, skipped) : { carrier: null, skipped };
}
