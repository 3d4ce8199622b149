import type { z } from 'zod';
import { describeZodIssues, InputError } from '../errors/index.ts';
import { isBuiltOrderValid } from './built-order.ts';
import { fastParseStandardOrder } from './fast-parse.ts';
import { refundStatusFromAmount } from './refund-status.ts';
import { findRegion, type ResolvedAddress, resolveAddress } from './regions/index.ts';
import {
  type OrderIssue,
  type OrderLine,
  type Receiver,
  type StandardOrder,
  StandardOrderSchema,
} from './schema.ts';

export interface NormaliseContext {
  /** Line of the input file the order came from, for error messages. */
  line?: number;
}

export type SafeNormaliseResult = { ok: true; order: StandardOrder } | { ok: false; error: InputError };

/** Issues normalising derives from the receiver; recomputed on every run, so a re-normalised order does not keep stale ones. */
const DERIVED_ISSUE_CODES: ReadonlySet<string> = new Set([
  'region_unknown',
  'region_missing',
  'address_missing',
]);

/**
 * Validates a standard order and fills what is derived from it: totals from the lines, GB/T 2260
 * region names and codes for the receiver, issues for an address that cannot be resolved, and a
 * refund status from the refund amount when the input states none.
 */
export function normaliseOrder(input: unknown, context: NormaliseContext = {}): StandardOrder {
  const order = fastParseStandardOrder(input) ?? parseWithZod(input, context);
  const given = order.receiver;
  const { issues: regionIssues, ...region } = resolveCached(
    given.province || nameOf(given.provinceCode),
    given.city || nameOf(given.cityCode),
    given.district || nameOf(given.districtCode),
  );
  const receiver: Receiver = { ...given, ...region };
  return {
    ...order,
    refundStatus: refundStatusOf(input, order),
    receiver,
    totals: totals(order.lines),
    issues: issuesOf(order.issues, regionIssues, receiver.address),
  };
}

/**
 * `normaliseOrder` for an order an adapter built whole: every key in the schema's order, defaults
 * filled, every object and array its own, `refundStatus` already the final one (stated, or what the
 * refund amount implies). Such an order is what `fastParseStandardOrder` would copy it to, so it is
 * finished in place — region, totals, issues — instead of copied twice. `isBuiltOrderValid` first
 * checks what raw data can still make wrong (a status that is no status, money past a double); an
 * order it refuses goes through `normaliseOrder`, whose verdict (and error) is then the one given.
 */
export function normaliseBuilt(order: StandardOrder, context: NormaliseContext): StandardOrder {
  if (!isBuiltOrderValid(order)) return normaliseOrder(order, context);
  const receiver = order.receiver;
  const resolved = resolveCached(
    receiver.province || nameOf(receiver.provinceCode),
    receiver.city || nameOf(receiver.cityCode),
    receiver.district || nameOf(receiver.districtCode),
  );
  receiver.province = resolved.province;
  receiver.city = resolved.city;
  receiver.district = resolved.district;
  receiver.provinceCode = resolved.provinceCode;
  receiver.cityCode = resolved.cityCode;
  receiver.districtCode = resolved.districtCode;
  order.totals = totals(order.lines);
  // Copies, as the fast path makes: an adapter may hand in an issue it shares between orders.
  const given = order.issues.length === 0 ? order.issues : order.issues.map(copyIssue);
  order.issues = issuesOf(given, resolved.issues, receiver.address);
  return order;
}

function copyIssue(issue: OrderIssue): OrderIssue {
  return { code: issue.code, field: issue.field, message: issue.message };
}

/** Stands for the totals in an order an adapter builds; `normaliseBuilt` always puts the real ones in its place. */
export const TOTALS_TO_COME: StandardOrder['totals'] = Object.freeze({ qty: 0, lines: 0, weightKg: 0 });

/** The order's own issues but the derived ones, then those derived now, each once. */
function issuesOf(given: OrderIssue[], regionIssues: OrderIssue[], address: string): OrderIssue[] {
  const addressMissing = !address.trim();
  // Most orders: nothing given, a resolved address.
  if (given.length === 0 && regionIssues.length === 0 && !addressMissing) return [];
  // Copies: a cached resolution is shared, an order's issues are its own.
  const derived = regionIssues.map((issue) => ({ ...issue }));
  if (addressMissing) {
    derived.push({
      code: 'address_missing',
      field: 'receiver.address',
      message: "The receiver's address is missing",
    });
  }
  const kept = given.filter((issue) => !DERIVED_ISSUE_CODES.has(issue.code));
  return dedupe([...kept, ...derived]);
}

/**
 * A status the input states wins, even `none` beside a refund amount: the source knows better (a
 * refund reversed, or one the platform still calls pending). Only a missing one is derived, so
 * normalising again keeps it.
 */
function refundStatusOf(input: unknown, order: StandardOrder): StandardOrder['refundStatus'] {
  const stated = (input as { refundStatus?: unknown }).refundStatus;
  return stated === undefined ? refundStatusFromAmount(order.amounts) : order.refundStatus;
}

export function safeNormaliseOrder(input: unknown, context: NormaliseContext = {}): SafeNormaliseResult {
  try {
    return { ok: true, order: normaliseOrder(input, context) };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error };
    throw error;
  }
}

/** The schema's own verdict, for what the fast path leaves to it: an unusual order, or an invalid one. */
function parseWithZod(input: unknown, context: NormaliseContext): StandardOrder {
  const parsed = StandardOrderSchema.safeParse(input);
  if (!parsed.success) throw invalidOrder(input, parsed.error, context);
  return parsed.data;
}

function totals(lines: OrderLine[]): StandardOrder['totals'] {
  let qty = 0;
  let weightKg = 0;
  for (const line of lines) {
    qty += line.qty;
    weightKg += line.qty * line.weightKg;
  }
  return { qty, lines: lines.length, weightKg: Math.round(weightKg * 1000) / 1000 };
}

/**
 * Addresses resolved before, by province, city and district: resolving walks the region index
 * name by name, and a few thousand places cover every order. Bounded, for input of endless
 * distinct (or garbage) names.
 */
const resolvedAddresses = new Map<string, Map<string, Map<string, ResolvedAddress>>>();
let resolvedCount = 0;
const MAX_RESOLVED = 20_000;

/** Looked up name by name: no key string built and hashed per order. */
function resolveCached(province: string, city: string, district: string): ResolvedAddress {
  const found = resolvedAddresses.get(province)?.get(city)?.get(district);
  if (found) return found;
  if (resolvedCount >= MAX_RESOLVED) {
    resolvedAddresses.clear();
    resolvedCount = 0;
  }
  const resolved = resolveAddress({ province, city, district });
  let cities = resolvedAddresses.get(province);
  if (!cities) {
    cities = new Map();
    resolvedAddresses.set(province, cities);
  }
  let districts = cities.get(city);
  if (!districts) {
    districts = new Map();
    cities.set(city, districts);
  }
  districts.set(district, resolved);
  resolvedCount++;
  return resolved;
}

/** A standard order may carry codes without names (from another system); the names come from the codes. */
function nameOf(code: string): string {
  return code ? (findRegion(code)?.name ?? '') : '';
}

function dedupe(issues: OrderIssue[]): OrderIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}\u0000${issue.field}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function invalidOrder(input: unknown, error: z.ZodError, context: NormaliseContext): InputError {
  const problems = describeZodIssues(error);
  const id = (input as { id?: unknown } | null)?.id;
  const orderId = typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  const list = problems.map((p) => `${p.field || '(order)'}: ${p.message}`).join('; ');
  const first = problems[0]?.field ?? '';
  return new InputError(
    'order_invalid',
    `${orderId ? `Order ${orderId}` : 'The order'} is not a valid standard order: ${list}`,
    {
      field: first,
      ...(orderId === undefined ? {} : { orderId }),
      ...(context.line === undefined ? {} : { line: context.line }),
    },
  );
}
