import { UnsupportedFactError } from './compile-errors.ts';
import { resolvePath } from './jsonpath.ts';
import { simplePathSegments } from './simple-path.ts';

export type Facts = Record<string, unknown>;

/** Reads one operand for a condition: `(facts, slots)`, where slots hold the values read up front. */
export type Read = (facts: Facts, slots: unknown[]) => unknown;

/** How a condition reads `almanac.factValue(fact, params, path)`. */
export interface FactAccessor {
  /** Index into the slots filled once per evaluation, or -1 when read at the condition itself. */
  readonly slot: number;
  readonly read: Read;
  /** A `path` makes json-rules-engine resolve a present fact one microtask later (see tick-model.ts). */
  readonly isPresent: ((facts: Facts) => boolean) | undefined;
  /** False when jsonpath-plus runs: it may throw, so the read must happen only where the reference reads. */
  readonly total: boolean;
}

/**
 * A read done once per order, before any rule, into its slot: a fact, and the own properties a
 * simple path follows from it (simple-path.ts). It cannot throw, so reading early is unobservable.
 */
export interface EagerRead {
  readonly fact: unknown;
  readonly segments: readonly string[] | undefined;
}

/** Thrown by the compiled code for a fact json-rules-engine would not take as plain data. */
export function refuseFact(id: string, value: unknown): never {
  const what = typeof value === 'function' ? 'a function' : 'a thenable';
  throw new UnsupportedFactError(id, `fact "${id}" is ${what}`);
}

/** A fact value json-rules-engine would not take as plain data. */
function checkPlain(id: string, value: unknown): unknown {
  if (typeof value === 'function') refuseFact(id, value);
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  ) {
    refuseFact(id, value);
  }
  return value;
}

/** The fact's own value: json-rules-engine knows only the keys a `for…in` over the facts gives. */
function factReader(id: unknown): (facts: Facts) => unknown {
  if (typeof id !== 'string') return () => undefined; // its fact map is keyed by strings only
  if (id in Object.prototype) {
    return (facts) => (Object.hasOwn(facts, id) ? checkPlain(id, facts[id]) : undefined);
  }
  return (facts) => checkPlain(id, facts[id]);
}

/** Deduplicates reads so `$.receiver.provinceCode` is walked once per order, however many rows test it. */
export class FactAccessors {
  private readonly byKey = new Map<string, FactAccessor>();
  readonly eager: EagerRead[] = [];

  get(fact: unknown, path: unknown): FactAccessor {
    const key = JSON.stringify([typeof fact, String(fact), typeof path, path ?? null]);
    let accessor = this.byKey.get(key);
    if (!accessor) {
      accessor = this.create(fact, path);
      this.byKey.set(key, accessor);
    }
    return accessor;
  }

  private create(fact: unknown, path: unknown): FactAccessor {
    const isPresent = path
      ? (facts: Facts) => typeof fact === 'string' && Object.hasOwn(facts, fact)
      : undefined;
    const segments = typeof path === 'string' && path ? simplePathSegments(path) : undefined;
    if (!path || segments) {
      const slot = this.eager.push({ fact, segments }) - 1;
      return { slot, read: (_facts, slots) => slots[slot], isPresent, total: true };
    }
    const readFact = factReader(fact);
    const read: Read = (facts) => {
      const value = readFact(facts);
      return value !== null && typeof value === 'object' ? resolvePath(value, path) : value;
    };
    return { slot: -1, read, isPresent, total: false };
  }
}
