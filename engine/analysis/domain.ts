import type { FactCondition } from '../rules/schema.ts';

type Scalar = string | number | boolean;

/**
 * The values of one fact a test lets through, where that can be known without an order: a number
 * range, a finite set, or everything but a finite set. Tests whose values cannot be written so
 * (patterns, regions, list facts, plugins) have no domain, and the analysis assumes nothing of them.
 */
export type Domain =
  | { kind: 'range'; lo: number; loOpen: boolean; hi: number; hiOpen: boolean }
  | { kind: 'in'; values: ReadonlySet<Scalar> }
  | { kind: 'notIn'; values: ReadonlySet<Scalar> };

const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const range = (lo: number, loOpen: boolean, hi: number, hiOpen: boolean): Domain => ({
  kind: 'range',
  lo,
  loOpen,
  hi,
  hiOpen,
});

const scalars = (value: unknown): Set<Scalar> | undefined =>
  Array.isArray(value) && value.every(isScalar) ? new Set(value) : undefined;

/** The domain of a fact test, or undefined when it has none (see Domain). */
export function domainOf(leaf: Pick<FactCondition, 'operator' | 'value'>): Domain | undefined {
  const { operator, value } = leaf;
  const n = typeof value === 'number' ? value : Number.NaN;
  switch (operator) {
    case 'equal':
      return isScalar(value) ? { kind: 'in', values: new Set([value]) } : undefined;
    case 'notEqual':
      return isScalar(value) ? { kind: 'notIn', values: new Set([value]) } : undefined;
    case 'in': {
      const values = scalars(value);
      return values && { kind: 'in', values };
    }
    case 'notIn': {
      const values = scalars(value);
      return values && { kind: 'notIn', values };
    }
    case 'lessThan':
      return Number.isFinite(n) ? range(-Infinity, true, n, true) : undefined;
    case 'lessThanInclusive':
      return Number.isFinite(n) ? range(-Infinity, true, n, false) : undefined;
    case 'greaterThan':
      return Number.isFinite(n) ? range(n, true, Infinity, true) : undefined;
    case 'greaterThanInclusive':
      return Number.isFinite(n) ? range(n, false, Infinity, true) : undefined;
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) return undefined;
      const [lo, hi] = value as unknown[];
      return typeof lo === 'number' && typeof hi === 'number' ? range(lo, false, hi, false) : undefined;
    }
    default:
      return undefined;
  }
}

/** What a failing test lets through: only where that is again a domain (not a `between`). */
export function negate(domain: Domain): Domain | undefined {
  if (domain.kind === 'in') return { kind: 'notIn', values: domain.values };
  if (domain.kind === 'notIn') return { kind: 'in', values: domain.values };
  if (domain.lo === -Infinity) return range(domain.hi, !domain.hiOpen, Infinity, true);
  if (domain.hi === Infinity) return range(-Infinity, true, domain.lo, !domain.loOpen);
  return undefined;
}

function inRange(value: Scalar, r: Extract<Domain, { kind: 'range' }>): boolean {
  if (typeof value !== 'number') return false;
  const aboveLo = r.loOpen ? value > r.lo : value >= r.lo;
  const belowHi = r.hiOpen ? value < r.hi : value <= r.hi;
  return aboveLo && belowHi;
}

const contains = (d: Domain, v: Scalar): boolean =>
  d.kind === 'range' ? inRange(v, d) : d.kind === 'in' ? d.values.has(v) : !d.values.has(v);

/** The values both let through. */
export function intersect(a: Domain, b: Domain): Domain {
  if (a.kind === 'in') return { kind: 'in', values: new Set([...a.values].filter((v) => contains(b, v))) };
  if (b.kind === 'in') return intersect(b, a);
  if (a.kind === 'notIn' && b.kind === 'notIn') {
    return { kind: 'notIn', values: new Set([...a.values, ...b.values]) };
  }
  if (a.kind === 'notIn') return intersect(b, a);
  if (b.kind === 'notIn') {
    // A range of one number is emptied by excluding it; any wider range keeps values.
    const point = a.kind === 'range' && a.lo === a.hi && !a.loOpen && !a.hiOpen;
    return point && b.values.has(a.lo) ? { kind: 'in', values: new Set() } : a;
  }
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  const loOpen = (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen);
  const hiOpen = (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen);
  return range(lo, loOpen, hi, hiOpen);
}

export function isEmpty(d: Domain): boolean {
  if (d.kind === 'in') return d.values.size === 0;
  if (d.kind === 'notIn') return false;
  return d.lo > d.hi || (d.lo === d.hi && (d.loOpen || d.hiOpen));
}

/** Every value `a` lets through, `b` does too; false when that cannot be shown. */
export function within(a: Domain, b: Domain): boolean {
  if (isEmpty(a)) return true;
  if (a.kind === 'in') return [...a.values].every((v) => contains(b, v));
  if (a.kind === 'notIn') return b.kind === 'notIn' && [...b.values].every((v) => a.values.has(v));
  if (b.kind === 'in') return false;
  if (b.kind === 'notIn') return [...b.values].every((v) => !inRange(v, a));
  const loOk = b.lo < a.lo || (b.lo === a.lo && (!b.loOpen || a.loOpen));
  const hiOk = b.hi > a.hi || (b.hi === a.hi && (!b.hiOpen || a.hiOpen));
  return loOk && hiOk;
}
