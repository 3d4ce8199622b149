import { z } from 'zod';
import {
  ORDER_STATUSES,
  ORDER_TYPES,
  type OrderIssue,
  type OrderLine,
  PAY_STATUSES,
  PLATFORMS,
  REFUND_STATUSES,
  type Receiver,
  SELLER_FLAGS,
  type StandardOrder,
} from './schema.ts';

/**
 * `StandardOrderSchema.parse` by hand, for the well-formed orders adapters make on every order of
 * a simulation (zod's generic object walk was a third of adapting an order): the same checks and
 * defaults, the keys in the schema's order, unknown keys dropped, every object and array fresh.
 * Whatever it is not sure of — a wrong type, a missing required field, an object that is not
 * plain data — gives undefined, and the caller asks zod, which also words the error. So a result
 * from here is always the one zod gives; `fast-parse.test.ts` holds the two equal on generated
 * and mutated orders. A field added to the schema must be added here too (the test says so).
 */
export function fastParseStandardOrder(input: unknown): StandardOrder | undefined {
  try {
    return order(input);
  } catch (error) {
    if (error === NOT_HERE) return undefined;
    throw error;
  }
}

/** Thrown, never seen outside: the input needs zod's verdict. One object, so throwing costs no stack. */
const NOT_HERE = new Error('not for the fast path');

/** The pattern `z.iso.datetime({ offset: true })` tests (the test checks it is the schema's). */
export const DATETIME_WITH_OFFSET = z.regexes.datetime({ offset: true });

type Data = Record<string, unknown>;

function object(value: unknown): Data {
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return value as Data;
  }
  throw NOT_HERE;
}

function string(value: unknown, fallback?: string): string {
  if (typeof value === 'string') return value;
  if (value === undefined && fallback !== undefined) return fallback;
  throw NOT_HERE;
}

function nonEmpty(value: unknown): string {
  const s = string(value);
  if (s.length === 0) throw NOT_HERE;
  return s;
}

/** zod 4's `z.number()`: finite numbers only. */
function number(value: unknown, fallback?: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === undefined && fallback !== undefined) return fallback;
  throw NOT_HERE;
}

function nonNegative(value: unknown, fallback?: number): number {
  const n = number(value, fallback);
  if (n < 0) throw NOT_HERE;
  return n;
}

/** `.int()` is zod's safe-integer check. */
function count(value: unknown, min: number, fallback?: number): number {
  const n = number(value, fallback);
  if (!Number.isSafeInteger(n) || n < min) throw NOT_HERE;
  return n;
}

function boolean(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === undefined) return fallback;
  throw NOT_HERE;
}

function oneOf<T extends string>(options: readonly T[], value: unknown, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if ((options as readonly unknown[]).includes(value)) return value as T;
  throw NOT_HERE;
}

function datetime(value: unknown): string {
  if (typeof value === 'string' && DATETIME_WITH_OFFSET.test(value)) return value;
  throw NOT_HERE;
}

/** Each element checked, into a new array, as zod walks it (index by index, holes included). */
function list<T>(value: unknown, item: (element: unknown) => T): T[] {
  if (!Array.isArray(value)) throw NOT_HERE;
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) out.push(item(value[i]));
  return out;
}

function order(input: unknown): StandardOrder {
  const o = object(input);
  const lines = list(o.lines, line);
  return {
    id: nonEmpty(o.id),
    platform: oneOf(PLATFORMS, o.platform),
    shop: string(o.shop, ''),
    type: oneOf(ORDER_TYPES, o.type, 'normal'),
    status: oneOf(ORDER_STATUSES, o.status, 'paid'),
    payStatus: oneOf(PAY_STATUSES, o.payStatus, 'paid'),
    refundStatus: oneOf(REFUND_STATUSES, o.refundStatus, 'none'),
    createdAt: datetime(o.createdAt),
    paidAt: o.paidAt === undefined || o.paidAt === null ? null : datetime(o.paidAt),
    amounts: amounts(o.amounts),
    buyer: buyer(o.buyer),
    receiver: receiver(o.receiver),
    buyerMessage: string(o.buyerMessage, ''),
    sellerMemo: string(o.sellerMemo, ''),
    sellerFlag: oneOf(SELLER_FLAGS, o.sellerFlag, 'none'),
    invoiceRequested: boolean(o.invoiceRequested, false),
    labels: o.labels === undefined ? [] : list(o.labels, (label) => string(label)),
    lines,
    totals: totals(o.totals),
    issues: o.issues === undefined ? [] : list(o.issues, issue),
  };
}

function amounts(value: unknown): StandardOrder['amounts'] {
  const a = object(value);
  return {
    total: number(a.total),
    paid: number(a.paid, 0),
    freight: number(a.freight, 0),
    discount: number(a.discount, 0),
    refund: nonNegative(a.refund, 0),
  };
}

function buyer(value: unknown): StandardOrder['buyer'] {
  if (value === undefined) return { id: '', nick: '', memberLevel: 0 };
  const b = object(value);
  return {
    id: string(b.id, ''),
    nick: string(b.nick, ''),
    memberLevel: count(b.memberLevel, 0, 0),
  };
}

function receiver(value: unknown): Receiver {
  const r = object(value);
  const read: Receiver = {
    name: string(r.name, ''),
    phone: string(r.phone, ''),
    province: string(r.province, ''),
    city: string(r.city, ''),
    district: string(r.district, ''),
    address: string(r.address, ''),
    provinceCode: string(r.provinceCode, ''),
    cityCode: string(r.cityCode, ''),
    districtCode: string(r.districtCode, ''),
  };
  // Only when given, as the schema leaves it out: most platforms send none.
  if (r.oaid !== undefined) read.oaid = string(r.oaid, '');
  return read;
}

function line(value: unknown): OrderLine {
  const l = object(value);
  return {
    sku: nonEmpty(l.sku),
    name: string(l.name, ''),
    qty: count(l.qty, 1),
    price: number(l.price),
    weightKg: nonNegative(l.weightKg, 0),
    volumeL: nonNegative(l.volumeL, 0),
    category: string(l.category, ''),
    isGift: boolean(l.isGift, false),
    isPresale: boolean(l.isPresale, false),
    refundStatus: oneOf(REFUND_STATUSES, l.refundStatus, 'none'),
  };
}

function totals(value: unknown): StandardOrder['totals'] {
  if (value === undefined) return { qty: 0, lines: 0, weightKg: 0 };
  const t = object(value);
  return {
    qty: count(t.qty, 0),
    lines: count(t.lines, 0),
    weightKg: nonNegative(t.weightKg),
  };
}

function issue(value: unknown): OrderIssue {
  const i = object(value);
  return { code: string(i.code), field: string(i.field), message: string(i.message) };
}
