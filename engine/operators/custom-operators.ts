import { ancestorPrefix, findRegion, isWithin, normaliseRegionCode } from '../order/regions/index.ts';

/**
 * Ordergraph's operators beyond json-rules-engine's defaults, as plain predicates `(factValue, ruleValue)`.
 * Both runtimes call these same functions, so they cannot disagree on what an operator means.
 * Every predicate is total: a fact of the wrong shape is `false`, never an exception, because
 * json-rules-engine treats a throwing operator as a failed run for the whole order.
 */
export type OperatorPredicate = (factValue: unknown, ruleValue: unknown) => boolean;

/**
 * `(factValue) => predicate(factValue, ruleValue)` for a rule value known when the rules are compiled:
 * what depends on the rule value alone (a set of needles, a regex, region prefixes) is worked out once,
 * not at every test. Rule JSON is not changed once compiled.
 */
export type PreparedPredicate = (factValue: unknown) => boolean;

/**
 * A string fact is searched as text (remarks); anything else as a list of values (SKUs, tags),
 * with `includes` (SameValueZero: `===`, but NaN finds NaN). A lone value is a list of one, a
 * missing one an empty list; neither list is built.
 */
function includes(factValue: unknown, needle: unknown): boolean {
  if (typeof factValue === 'string') return typeof needle === 'string' && factValue.includes(needle);
  if (Array.isArray(factValue)) return factValue.includes(needle);
  if (factValue === undefined || factValue === null) return false;
  return factValue === needle || (Number.isNaN(factValue) && Number.isNaN(needle));
}

/**
 * Some needle of the rule value's list (a lone value is a list of one, a missing one an empty list)
 * is in the fact. Loops, not `some` with a closure per test, one per kind of fact (text, list,
 * other) so each stays on one path; holes are skipped as `some` skips them. A missing fact or an
 * empty list includes nothing.
 */
export const containsAny: OperatorPredicate = (factValue, ruleValue) => {
  if (factValue === undefined || factValue === null) return false;
  if (!Array.isArray(ruleValue))
    return ruleValue !== undefined && ruleValue !== null && includes(factValue, ruleValue);
  if (typeof factValue === 'string') {
    // A hole reads as undefined, which is not text: skipped either way.
    for (let i = 0; i < ruleValue.length; i++) {
      const needle: unknown = ruleValue[i];
      if (typeof needle === 'string' && factValue.includes(needle)) return true;
    }
    return false;
  }
  if (Array.isArray(factValue)) {
    if (factValue.length === 0) return false;
    for (let i = 0; i < ruleValue.length; i++) {
      const needle: unknown = ruleValue[i];
      if (needle === undefined && !(i in ruleValue)) continue;
      if (factValue.includes(needle)) return true;
    }
    return false;
  }
  for (let i = 0; i < ruleValue.length; i++) {
    const needle: unknown = ruleValue[i];
    if (needle === undefined && !(i in ruleValue)) continue;
    if (includes(factValue, needle)) return true;
  }
  return false;
};

/**
 * `containsAny` against a list known up front: a list or lone fact value is looked up in a Set of the
 * needles (SameValueZero, as `includes` compares) instead of one `includes` scan per needle, and a text
 * fact is searched for the text needles only. Holes are skipped, as `containsAny` skips them.
 */
function prepareContainsAny(ruleValue: unknown): PreparedPredicate {
  if (!Array.isArray(ruleValue)) return (factValue) => containsAny(factValue, ruleValue);
  const needles = new Set<unknown>();
  const texts: string[] = [];
  for (let i = 0; i < ruleValue.length; i++) {
    if (!(i in ruleValue)) continue;
    const needle: unknown = ruleValue[i];
    needles.add(needle);
    if (typeof needle === 'string') texts.push(needle);
  }
  return (factValue) => {
    if (typeof factValue === 'string') {
      for (let i = 0; i < texts.length; i++) if (factValue.includes(texts[i]!)) return true;
      return false;
    }
    if (Array.isArray(factValue)) {
      // A hole reads as undefined, as `includes` reads it.
      for (let i = 0; i < factValue.length; i++) if (needles.has(factValue[i])) return true;
      return false;
    }
    return factValue !== undefined && factValue !== null && needles.has(factValue);
  };
}

/** A non-empty list of needles, every one in the fact; holes skipped as `every` skips them. */
export const containsAll: OperatorPredicate = (factValue, ruleValue) => {
  if (!Array.isArray(ruleValue))
    return ruleValue !== undefined && ruleValue !== null && includes(factValue, ruleValue);
  if (ruleValue.length === 0) return false;
  for (let i = 0; i < ruleValue.length; i++) {
    const needle: unknown = ruleValue[i];
    if (needle === undefined && !(i in ruleValue)) continue;
    if (!includes(factValue, needle)) return false;
  }
  return true;
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

/** `matchesRegex` with its regex compiled once, not looked up at every test. */
function prepareMatchesRegex(ruleValue: unknown): PreparedPredicate {
  const regex = compileRegex(ruleValue);
  if (regex === null) return () => false;
  return (factValue) =>
    typeof factValue === 'string'
      ? regex.test(factValue)
      : typeof factValue === 'number' && regex.test(String(factValue));
}

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

const REGION_CODE_KEYS = ['districtCode', 'cityCode', 'provinceCode'] as const;

/** The most precise code a fact offers: a code or name, or a receiver-like object with codes. */
function factRegionCode(factValue: unknown): string | null {
  if (factValue && typeof factValue === 'object') {
    const r = factValue as Record<string, unknown>;
    for (const key of REGION_CODE_KEYS) {
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
  if (!Array.isArray(ruleValue)) return isUnder(code, ruleValue);
  // A loop, not `some` with a closure per test; a hole reads as undefined, which is no region.
  for (const region of ruleValue) if (isUnder(code, region)) return true;
  return false;
};

function isUnder(code: string, region: unknown): boolean {
  const ancestor = regionCode(region);
  return ancestor !== null && isWithin(code, ancestor);
}

/**
 * `inRegion` against regions known up front: each region's code prefix found once, and the fact's code
 * normalised once per test rather than once per region. A region that is no region code is left out,
 * as `isUnder` finds nothing under it.
 */
export function prepareInRegion(ruleValue: unknown): PreparedPredicate {
  const prefixes: string[] = [];
  for (const region of Array.isArray(ruleValue) ? ruleValue : [ruleValue]) {
    const code = regionCode(region);
    const prefix = code === null ? null : ancestorPrefix(code);
    if (prefix !== null) prefixes.push(prefix);
  }
  return (factValue) => {
    const code = factRegionCode(factValue);
    if (code === null) return false;
    const place = normaliseRegionCode(code);
    for (let i = 0; i < prefixes.length; i++) if (place.startsWith(prefixes[i]!)) return true;
    return false;
  };
}

export const CUSTOM_OPERATORS = {
  containsAny,
  containsAll,
  matchesRegex,
  between,
  inRegion,
} as const satisfies Record<string, OperatorPredicate>;

export type CustomOperatorName = keyof typeof CUSTOM_OPERATORS;

/** The operators a compiled rule with a constant value runs prepared; each answers as its predicate does. */
export const PREPARED_OPERATORS: {
  readonly [name in CustomOperatorName]?: (ruleValue: unknown) => PreparedPredicate;
} = { containsAny: prepareContainsAny, matchesRegex: prepareMatchesRegex, inRegion: prepareInRegion };
