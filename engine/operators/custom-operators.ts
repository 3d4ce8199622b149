import { findRegion, isWithin } from '../order/regions/index.ts';

/**
 * Ordergraph's operators beyond json-rules-engine's defaults, as plain predicates `(factValue, ruleValue)`.
 * Both runtimes call these same functions, so they cannot disagree on what an operator means.
 * Every predicate is total: a fact of the wrong shape is `false`, never an exception, because
 * json-rules-engine treats a throwing operator as a failed run for the whole order.
 */
export type OperatorPredicate = (factValue: unknown, ruleValue: unknown) => boolean;

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** A string fact is searched as text (remarks); anything else as a list of values (SKUs, tags). */
function includes(factValue: unknown, needle: unknown): boolean {
  if (typeof factValue === 'string') return typeof needle === 'string' && factValue.includes(needle);
  return asList(factValue).includes(needle);
}

export const containsAny: OperatorPredicate = (factValue, ruleValue) =>
  asList(ruleValue).some((needle) => includes(factValue, needle));

export const containsAll: OperatorPredicate = (factValue, ruleValue) => {
  const needles = asList(ruleValue);
  return needles.length > 0 && needles.every((needle) => includes(factValue, needle));
};

export interface RegexValue {
  pattern: string;
  flags?: string;
}

const regexCache = new Map<string, RegExp | null>();
/**
 * By the rule value object, which a rule hands over again for every order: no key string built per
 * test. Rule JSON is not changed once loaded (a new strategy version is new objects).
 */
const regexByValue = new WeakMap<object, RegExp | null>();

/** Compiles once per pattern; an invalid pattern never matches (the compiler reports it as an issue). */
export function compileRegex(value: unknown): RegExp | null {
  if (typeof value === 'string') return regexForPattern(value);
  if (typeof value !== 'object' || value === null) return null;
  let regex = regexByValue.get(value);
  if (regex === undefined) {
    regex = regexFor(value);
    regexByValue.set(value, regex);
  }
  return regex;
}

/** A pattern given as a plain string (no flags), by the string itself: no key is built per test. */
const regexByPattern = new Map<string, RegExp | null>();

function regexForPattern(pattern: string): RegExp | null {
  let regex = regexByPattern.get(pattern);
  if (regex === undefined) {
    regex = regexFor({ pattern, flags: '' });
    regexByPattern.set(pattern, regex);
  }
  return regex;
}

function regexFor(value: object): RegExp | null {
  const { pattern, flags } = value as Partial<RegexValue>;
  if (typeof pattern !== 'string') return null;
  const key = `${flags ?? ''}/${pattern}`;
  let regex = regexCache.get(key);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, (flags ?? '').replace(/[gy]/g, ''));
    } catch {
      regex = null;
    }
    regexCache.set(key, regex);
  }
  return regex;
}

export const matchesRegex: OperatorPredicate = (factValue, ruleValue) => {
  if (typeof factValue !== 'string' && typeof factValue !== 'number') return false;
  const regex = compileRegex(ruleValue);
  return regex?.test(String(factValue)) ?? false;
};

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** Inclusive on both ends, like a consultant reads "between 100 and 200". */
export const between: OperatorPredicate = (factValue, ruleValue) => {
  if (!Array.isArray(ruleValue) || ruleValue.length !== 2) return false;
  const x = toNumber(factValue);
  const min = toNumber(ruleValue[0]);
  const max = toNumber(ruleValue[1]);
  return Number.isFinite(x) && x >= min && x <= max;
};

const regionCodeCache = new Map<string, string | null>();

function regionCode(nameOrCode: unknown): string | null {
  if (typeof nameOrCode !== 'string' || nameOrCode === '') return null;
  let code = regionCodeCache.get(nameOrCode);
  if (code === undefined) {
    code = findRegion(nameOrCode)?.code ?? null;
    regionCodeCache.set(nameOrCode, code);
  }
  return code;
}

/** The most precise code a fact offers: a code or name, or a receiver-like object with codes. */
function factRegionCode(factValue: unknown): string | null {
  if (factValue && typeof factValue === 'object') {
    const r = factValue as Record<string, unknown>;
    for (const key of ['districtCode', 'cityCode', 'provinceCode']) {
      const code = r[key];
      if (typeof code === 'string' && code !== '') return code;
    }
    return null;
  }
  return regionCode(factValue);
}

/** True when the fact's region is one of the listed regions or lies anywhere under one of them. */
export const inRegion: OperatorPredicate = (factValue, ruleValue) => {
  const code = factRegionCode(factValue);
  if (code === null) return false;
  return asList(ruleValue).some((region) => {
    const ancestor = regionCode(region);
    return ancestor !== null && isWithin(code, ancestor);
  });
};

export const CUSTOM_OPERATORS = {
  containsAny,
  containsAll,
  matchesRegex,
  between,
  inRegion,
} as const satisfies Record<string, OperatorPredicate>;

export type CustomOperatorName = keyof typeof CUSTOM_OPERATORS;
