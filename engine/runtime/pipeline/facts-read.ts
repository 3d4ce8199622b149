import { fromFactRef } from '../../facts/index.ts';
import type { NestedCondition } from '../../rules/schema.ts';

/** The fact paths a rule's conditions read, in the order they appear, each once. */
export function factsRead(condition: NestedCondition, out: string[] = []): string[] {
  if ('fact' in condition) {
    const dotted = fromFactRef({ fact: condition.fact, path: condition.path });
    if (!out.includes(dotted)) out.push(dotted);
    const value = condition.value as { fact?: unknown; path?: unknown } | null;
    if (value && typeof value === 'object' && typeof value.fact === 'string') {
      const ref = fromFactRef({
        fact: value.fact,
        path: typeof value.path === 'string' ? value.path : undefined,
      });
      if (!out.includes(ref)) out.push(ref);
    }
  } else if ('all' in condition) {
    for (const c of condition.all) factsRead(c, out);
  } else if ('any' in condition) {
    for (const c of condition.any) factsRead(c, out);
  } else if ('not' in condition) {
    factsRead(condition.not, out);
  }
  return out;
}

/** The facts a rule's conditions name (not their paths), added to `out`. */
export function factNames(condition: NestedCondition, out: Set<string>): Set<string> {
  if ('fact' in condition) {
    out.add(condition.fact);
    const value = condition.value as { fact?: unknown } | null;
    if (value && typeof value === 'object' && typeof value.fact === 'string') out.add(value.fact);
  } else if ('all' in condition) {
    for (const c of condition.all) factNames(c, out);
  } else if ('any' in condition) {
    for (const c of condition.any) factNames(c, out);
  } else if ('not' in condition) {
    factNames(condition.not, out);
  }
  return out;
}
