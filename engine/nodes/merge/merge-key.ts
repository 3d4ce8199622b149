import type { Decision } from '../../decision/decision.ts';
import type { StandardOrder } from '../../order/schema.ts';
import { fnv1a64, isSpace, JsonFnv1a64 } from './fnv.ts';

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
  /** The open addressee id, when the node matches by it and the order has one: it stands for name, phone and address. */
  oaid?: string;
}

/** What a merge node matches on besides shop, buyer and receiver (`MergeParams.match`), and presale. */
export interface MatchKeys {
  warehouse: boolean;
  carrier: boolean;
  /** The open addressee id in place of the masked receiver, when the order has one. */
  addressee?: boolean;
  presale: boolean;
}

export function mergeMatch(
  order: StandardOrder,
  decision: Pick<Decision, 'warehouse' | 'parcels' | 'carrier'>,
  keys: MatchKeys,
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
    ...(keys.addressee && r.oaid ? { oaid: r.oaid } : {}),
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
  if (match.oaid) {
    return addresseeKey(match.shop, match.buyerId, match.oaid, match.warehouse, match.carrier, match.presale);
  }
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
 * `mergeKey(mergeMatch(order, decision, keys))` without the match object, and hashed from the
 * fields themselves (`JSON.stringify`, trimming and the white-space regexes were half of the key's
 * time, measured) unless a field needs what only `JSON.stringify` writes. The key is stored in state
 * and compared across orders and releases, so it must stay byte for byte the one `mergeKey` gives
 * (the tests check both over random texts).
 */
export function orderMergeKey(
  order: StandardOrder,
  decision: Pick<Decision, 'warehouse' | 'parcels' | 'carrier'>,
  keys: MatchKeys,
): string {
  const warehouse = keys.warehouse ? shipsFrom(decision) : null;
  const carrier = keys.carrier ? decision.carrier : null;
  const oaid = keys.addressee ? order.receiver.oaid : undefined;
  if (oaid) return addresseeKey(order.shop, order.buyer.id, oaid, warehouse, carrier, keys.presale);
  return (
    joinedKey(order, warehouse, carrier, keys.presale) ?? writtenKey(order, warehouse, carrier, keys.presale)
  );
}

/**
 * The key of a receiver the platform masks, from its open addressee id: two orders to one addressee
 * share the id whatever the masked texts, and two to different ones with the same masked texts
 * (张**, 138****5678, 文三路**号) do not. Its text is an array of six, so it never equals a key of
 * the eight receiver fields.
 */
function addresseeKey(
  shop: string,
  buyerId: string,
  oaid: string,
  warehouse: string | null,
  carrier: string | null,
  presale: boolean,
): string {
  return fnv1a64(JSON.stringify([shop, buyerId, { oaid }, warehouse, carrier, presale]));
}

/** One hash state for every key: a key is hashed from start to end without yielding, so none overlap. */
const hash = new JsonFnv1a64();

/**
 * The key hashed from the fields as `JSON.stringify` would write them, trimming the name and
 * leaving white space out of the phone and address as it goes. Undefined when a value needs an
 * escape or holds a surrogate (see `JsonFnv1a64`), or when a field is not a string (JSON writes
 * null where a string is expected).
 */
export function joinedKey(
  order: StandardOrder,
  warehouse: string | null,
  carrier: string | null,
  presale: boolean,
): string | undefined {
  const r = order.receiver;
  const { shop } = order;
  const buyer = order.buyer.id;
  const { name, phone, province, city, district, address } = r;
  if (
    typeof shop !== 'string' ||
    typeof buyer !== 'string' ||
    typeof name !== 'string' ||
    typeof phone !== 'string' ||
    typeof province !== 'string' ||
    typeof city !== 'string' ||
    typeof district !== 'string' ||
    typeof address !== 'string'
  ) {
    return undefined;
  }
  let start = 0;
  let end = name.length;
  while (start < end && isSpace(name.charCodeAt(start))) start++;
  while (end > start && isSpace(name.charCodeAt(end - 1))) end--;
  hash.reset();
  const plain =
    piece('["', shop, 0, shop.length, false) &&
    piece('","', buyer, 0, buyer.length, false) &&
    piece('","', name, start, end, false) &&
    piece('","', phone, 0, phone.length, true) &&
    piece('","', province, 0, province.length, true) &&
    piece('', city, 0, city.length, true) &&
    piece('', district, 0, district.length, true) &&
    piece('', address, 0, address.length, true) &&
    optional('",', warehouse) &&
    optional(',', carrier);
  if (!plain) return undefined;
  hash.ascii(presale ? ',true]' : ',false]');
  return hash.hex();
}

/** Adds the JSON before a string, then its characters; false as `JsonFnv1a64.text` is. */
function piece(before: string, text: string, from: number, to: number, dropSpace: boolean): boolean {
  hash.ascii(before);
  return hash.text(text, from, to, dropSpace);
}

/** Adds the JSON before a string or null, then it; false as `JsonFnv1a64.text` is. */
function optional(before: string, value: string | null): boolean {
  hash.ascii(before);
  if (value === null) {
    hash.ascii('null');
    return true;
  }
  const plain = piece('"', value, 0, value.length, false);
  hash.ascii('"');
  return plain;
}

/** The key from `JSON.stringify`'s text: for the fields `joinedKey` cannot take. */
function writtenKey(
  order: StandardOrder,
  warehouse: string | null,
  carrier: string | null,
  presale: boolean,
): string {
  const r = order.receiver;
  const text = JSON.stringify([
    order.shop,
    order.buyer.id,
    r.name.trim(),
    withoutSpace(r.phone),
    withoutSpace(r.province + r.city + r.district + r.address),
    warehouse,
    carrier,
    presale,
  ]);
  return fnv1a64(text);
}

const SPACE = /\s/;

/** `text.replace(/\s+/g, '')`, skipping the replace when there is nothing to drop. */
function withoutSpace(text: string): string {
  return SPACE.test(text) ? text.replace(/\s+/g, '') : text;
}
