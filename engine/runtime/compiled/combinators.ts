import type { Facts } from './fact-accessor.ts';

/** A compiled condition: json-rules-engine's result for these facts, computed synchronously. */
export type Test = (facts: Facts, slots: unknown[]) => boolean;

/**
 * Members of one priority set. json-rules-engine evaluates every member of a set it enters
 * (`Promise.all`), so a member that throws fails the run even when a sibling already decided the
 * set. When no member can throw that is unobservable and we stop at the first decisive one;
 * otherwise we evaluate them all, as it does.
 */
export function setTest(kind: 'all' | 'any', tests: readonly Test[], canShortCircuit: boolean): Test {
  if (tests.length === 1) return tests[0]!;
  if (!canShortCircuit) return exhaustive(kind, tests);
  const [t0, t1, t2] = tests as [Test, Test, Test | undefined];
  // Two and three members are by far the common case: unrolled, V8 inlines them.
  if (kind === 'all') {
    if (tests.length === 2) return (f, s) => t0(f, s) && t1(f, s);
    if (tests.length === 3) return (f, s) => t0(f, s) && t1(f, s) && t2!(f, s);
    return (f, s) => {
      for (let i = 0; i < tests.length; i++) if (!tests[i]!(f, s)) return false;
      return true;
    };
  }
  if (tests.length === 2) return (f, s) => t0(f, s) || t1(f, s);
  if (tests.length === 3) return (f, s) => t0(f, s) || t1(f, s) || t2!(f, s);
  return (f, s) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(f, s)) return true;
    return false;
  };
}

function exhaustive(kind: 'all' | 'any', tests: readonly Test[]): Test {
  return (f, s) => {
    let passed = 0;
    for (let i = 0; i < tests.length; i++) if (tests[i]!(f, s)) passed++;
    return kind === 'all' ? passed === tests.length : passed > 0;
  };
}

/** Priority sets in order: `all` stops at the first failing set, `any` at the first passing one. */
export function setsTest(kind: 'all' | 'any', sets: readonly Test[]): Test {
  if (sets.length === 1) return sets[0]!;
  const stopOn = kind === 'any';
  return (f, s) => {
    for (let i = 0; i < sets.length; i++) if (sets[i]!(f, s) === stopOn) return stopOn;
    return !stopOn;
  };
}
