import type { Decision } from '../../decision/decision.ts';
import type { StandardOrder } from '../../order/schema.ts';

/** What an order's parcel is told apart by: the fields two orders must share to ship as one. */
export interface MergeMatch {
  shop: string;
  buyerId: string;
  name: string;
  phone: string;
  /** Province, city, district and street, whitespace dropped: "文三路 90 号" and "文三路90号" are one door. */
  address: string;
  warehouse: string | null;
  carrier: string | null;
  presale: boolean;
}

export function mergeMatch(
  order: StandardOrder,
  decision: Pick<Decision, 'warehouse' | 'parcels' | 'carrier'>,
  keys: { warehouse: boolean; carrier: boolean; presale: boolean },
): MergeMatch {
  const r = order.receiver;
  return {
    shop: order.shop,
    buyerId: order.buyer.id,
    name: r.name.trim(),
    phone: r.phone.replace(/\s+/g, ''),
    address: [r.province, r.city, r.district, r.address].join('').replace(/\s+/g, ''),
    warehouse: keys.warehouse ? shipsFrom(decision) : null,
    carrier: keys.carrier ? decision.carrier : null,
    presale: keys.presale,
  };
}

/** The warehouse the order ships from, or its parcels' warehouses; null when routing placed none. */
export function shipsFrom(decision: Pick<Decision, 'warehouse' | 'parcels'>): string | null {
  if (decision.warehouse !== null) return decision.warehouse;
  const parcels = decision.parcels.map((p) => p.warehouse);
  if (parcels.length === 0 || parcels.some((w) => w === null)) return null;
  return [...new Set(parcels)].sort().join('+');
}

/**
 * The group key: a 64-bit FNV-1a hash of the match values, as 16 hex digits. A hash, not the values
 * themselves, so the state the server keeps and serves (`GET …/state`) holds no names, phones or
 * addresses, and a key is short whatever the address. Two different parcels colliding needs two
 * open groups among the ~2^32 it takes for an even chance: far beyond any shop's open orders.
 */
export function mergeKey(match: MergeMatch): string {
  const text = JSON.stringify([
    match.shop,
    match.buyerId,
    match.name,
    match.phone,
    match.address,
    match.warehouse,
    match.carrier,
    match.presale,
  ]);
  return fnv1a64(text);
}

/**
 * `mergeKey(mergeMatch(order, decision, keys))` without the match object, and without running the
 * whitespace regex over a field that has no white space (most phones and addresses). The key is
 * stored in state and compared across orders and releases, so it must stay byte for byte the one
 * `mergeKey` gives (the tests check both over random texts).
 */
export function orderMergeKey(
  order: StandardOrder,
  decision: Pick<Decision, 'warehouse' | 'parcels' | 'carrier'>,
  keys: { warehouse: boolean; carrier: boolean; presale: boolean },
): string {
  const r = order.receiver;
  const text = JSON.stringify([
    order.shop,
    order.buyer.id,
    r.name.trim(),
    withoutSpace(r.phone),
    withoutSpace(r.province + r.city + r.district + r.address),
    keys.warehouse ? shipsFrom(decision) : null,
    keys.carrier ? decision.carrier : null,
    keys.presale,
  ]);
  return fnv1a64(text);
}

const SPACE = /\s/;

/** `text.replace(/\s+/g, '')`, skipping the replace when there is nothing to drop. */
function withoutSpace(text: string): string {
  return SPACE.test(text) ? text.replace(/\s+/g, '') : text;
}

const encoder = new TextEncoder();
/** Where a key's text is encoded: reused, so hashing a key allocates no bytes. Grown for a longer text. */
let scratch = new Uint8Array(1024);

/**
 * FNV-1a, 64 bits, of the text's UTF-8 bytes (TextEncoder's: a lone surrogate is U+FFFD), in two
 * 32-bit halves (no BigInt in the hot path): the offset basis and prime of the spec.
 */
export function fnv1a64(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  if (scratch.length < 3 * text.length) scratch = new Uint8Array(3 * text.length);
  const bytes = scratch;
  const length = encoder.encodeInto(text, bytes).written;
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < length; i++) {
    lo = (lo ^ bytes[i]!) >>> 0;
    // (hi·2^32 + lo) × (2^40 + 0x1b3) mod 2^64: lo×0x1b3 (in 16-bit halves, no float division)
    // carries into hi, and lo×2^40 lands in hi as lo<<8.
    const low16 = (lo & 0xffff) * 0x1b3;
    const high16 = (lo >>> 16) * 0x1b3;
    const product = low16 + (high16 & 0xffff) * 0x1_0000;
    const carry = (high16 >>> 16) + (product > 0xffff_ffff ? 1 : 0);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = product >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
