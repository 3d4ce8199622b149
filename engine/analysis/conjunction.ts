import { fromFactRef, lookupFact } from '../facts/index.ts';
import type { FactCondition, NestedCondition } from '../rules/schema.ts';
import { type Domain, domainOf, intersect, isEmpty, negate, within } from './domain.ts';

/** One fact test as the analysis read it, kept to name it in a warning. */
export interface Term {
  fact: string;
  leaf: FactCondition;
  negated: boolean;
}

interface FactBound {
  domain: Domain;
  terms: readonly Term[];
}

/**
 * What a list of conditions requires, fact by fact: each fact's domain, narrowed by every test on
 * it. `exact` is false when some part could not be read as domains (an `any`, a pattern): the
 * conjunction then lets through more orders than the conditions do, never fewer.
 */
export interface Conjunction {
  readonly facts: ReadonlyMap<string, FactBound>;
  readonly exact: boolean;
  /** The first fact no order can satisfy, with the tests that say so. */
  readonly contradiction?: { fact: string; terms: readonly Term[] };
}

export const ANYTHING: Conjunction = { facts: new Map(), exact: true };

/** The values the order schema allows a fact, where it fixes them (platform, pay status …). */
function schemaDomain(fact: string): Domain | undefined {
  const values = lookupFact(fact)?.values;
  return values ? { kind: 'in', values: new Set(values) } : undefined;
}

function addTerm(facts: Map<string, FactBound>, term: Term, domain: Domain): Conjunction['contradiction'] {
  const before =
    facts.get(term.fact) ??
    (() => {
      const schema = schemaDomain(term.fact);
      return schema ? { domain: schema, terms: [] } : undefined;
    })();
  const narrowed = before ? intersect(before.domain, domain) : domain;
  const terms = [...(before?.terms ?? []), term];
  facts.set(term.fact, { domain: narrowed, terms });
  return isEmpty(narrowed) ? { fact: term.fact, terms } : undefined;
}

/** `base` and also `conditions`, each as a whole. */
export function and(base: Conjunction, conditions: readonly NestedCondition[]): Conjunction {
  const facts = new Map(base.facts);
  let exact = base.exact;
  let contradiction = base.contradiction;
  const visit = (condition: NestedCondition, negated: boolean) => {
    if ('fact' in condition) {
      const own = domainOf(condition);
      const domain = own && (negated ? negate(own) : own);
      if (!domain) {
        exact = false;
        return;
      }
      const fact = fromFactRef({ fact: condition.fact, path: condition.path });
      const found = addTerm(facts, { fact, leaf: condition, negated }, domain);
      contradiction ??= found;
      return;
    }
    if ('not' in condition) return visit(condition.not, !negated);
    if ('condition' in condition) {
      exact = false;
      return;
    }
    // `all`, or `any` under `not`, requires every part; `any` of one part is that part.
    const list = 'all' in condition ? condition.all : condition.any;
    if ('all' in condition !== negated || list.length === 1) for (const part of list) visit(part, negated);
    else exact = false;
  };
  for (const condition of conditions) visit(condition, false);
  return { facts, exact, ...(contradiction ? { contradiction } : {}) };
}

/** Every order `a` lets through, `b` lets through too; false when that cannot be shown. */
export function implies(a: Conjunction, b: Conjunction): boolean {
  if (!b.exact || a.contradiction) return !!a.contradiction;
  for (const [fact, bound] of b.facts) {
    const mine = a.facts.get(fact);
    if (!mine || !within(mine.domain, bound.domain)) return false;
  }
  return true;
}

/** Some order is let through by both, as far as the domains show (inexact parts assumed to hold). */
export function overlaps(a: Conjunction, b: Conjunction): boolean {
  if (a.contradiction || b.contradiction) return false;
  for (const [fact, bound] of b.facts) {
    const mine = a.facts.get(fact);
    if (mine && isEmpty(intersect(mine.domain, bound.domain))) return false;
  }
  return true;
}
