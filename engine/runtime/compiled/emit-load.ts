import type { EagerRead } from './fact-accessor.ts';
import { refuseFact } from './fact-accessor.ts';
import type { SourcePool } from './source-pool.ts';

/** The local a chunk of generated code copies a slot into (emit-plan.ts). */
export const slotRef = (slot: number): string => `s${slot}`;

/** The slots a piece of generated code reads, by their locals. */
export function slotsUsed(source: string): number[] {
  return [...new Set([...source.matchAll(/\bs(\d+)\b/g)].map((match) => Number(match[1])))];
}

/**
 * Source of `Object.hasOwn(name, key)`: for an object, `key in name` first, then the prototype: when
 * it is null, or Object.prototype lacking `key` (asked at run time, since it could gain one), what
 * `in` found is own. (For null, `in` throws a TypeError as `hasOwn` does.) TurboFan leaves `hasOwn` a builtin call (6–9 ns,
 * 25 of them per demo order, measured) where `in` and the prototype check fold into the map check
 * the property read makes anyway. Any other object (and a primitive) asks `hasOwn`. Only a Proxy
 * could tell: its `has` and `getPrototypeOf` traps run before `getOwnPropertyDescriptor`.
 */
function own(name: string, key: string, pool: SourcePool): string {
  const prototype = pool.ref(Object.prototype);
  const ownOnly = `(p = ${pool.ref(Object.getPrototypeOf)}(${name})) === null || (p === ${prototype} && !(${key} in ${prototype}))`;
  return `(typeof ${name} === 'object' ? ${key} in ${name} && (${ownOnly} || hasOwn(${name}, ${key})) : hasOwn(${name}, ${key}))`;
}

/** `t` walked along own properties as jsonpath-plus does: `val && Object.hasOwn(val, segment)` per step. */
function walk(segments: readonly string[], pool: SourcePool): string {
  const keys = segments.map((segment) => pool.ref(segment));
  const steps = keys.map((key, i) =>
    i === 0 ? own('t', key, pool) : `(t = t[${keys[i - 1]}], t) && ${own('t', key, pool)}`,
  );
  return `(${steps.join(' && ')} ? t[${keys.at(-1)}] : undefined)`;
}

/** The fact `f[key]` as json-rules-engine sees it: own keys only where the name is also an Object.prototype member. */
function factValue(fact: string, key: string): string {
  return fact in Object.prototype ? `(hasOwn(f, ${key}) ? f[${key}] : undefined)` : `f[${key}]`;
}

/** A fact value json-rules-engine would call or await, not take as plain data. */
const notPlain = (name: string): string =>
  `typeof ${name} === 'function' || (${name} !== null && typeof ${name} === 'object' && typeof ${name}.then === 'function')`;

/**
 * Source filling the slots `s` from the facts `f`: each fact read once (own keys only where the name is
 * also an Object.prototype member) and, when `checked`, refused if json-rules-engine would call or
 * await it; then each slot is the fact or, for a simple path, the fact walked — from an object only:
 * a primitive fact stays itself, as almanac.factValue leaves it. Unchecked is for facts the caller
 * has already found plain with `emitPlainCheck`'s code (see CompiledEvaluator.evaluatePlain).
 */
export function emitLoad(reads: readonly EagerRead[], pool: SourcePool, checked = true): string {
  const lines = ['let t, p;'];
  const locals = new Map<string, string>();
  const local = (fact: string): string => {
    let name = locals.get(fact);
    if (name === undefined) {
      name = `v${locals.size}`;
      locals.set(fact, name);
      const key = pool.ref(fact);
      lines.push(`const ${name} = ${factValue(fact, key)};`);
      if (checked) lines.push(`if (${notPlain(name)}) ${pool.ref(refuseFact)}(${key}, ${name});`);
    }
    return name;
  };
  reads.forEach((read, slot) => {
    let value: string;
    if (typeof read.fact !== 'string') {
      value = 'undefined'; // json-rules-engine's fact map is keyed by strings only
    } else if (!read.segments) {
      value = local(read.fact);
    } else {
      const v = local(read.fact);
      lines.push(`t = ${v};`);
      value = `${v} !== null && typeof ${v} === 'object' ? ${walk(read.segments, pool)} : ${v}`;
    }
    lines.push(`s[${slot}] = ${value};`);
  });
  return lines.join('\n');
}

/**
 * Source of a function body answering whether the facts `f` are ones a checked evaluation takes: no
 * fact named "" (json-rules-engine refuses the run), and every one of `facts` read as the checked load
 * reads it, and not refused. Nothing else is read.
 */
export function emitPlainCheck(facts: readonly string[], pool: SourcePool): string {
  const lines = facts.flatMap((fact, i) => [
    `const v${i} = ${factValue(fact, pool.ref(fact))};`,
    `if (${notPlain(`v${i}`)}) return false;`,
  ]);
  return ['let p;', `if (${own('f', pool.ref(''), pool)}) return false;`, ...lines, 'return true;'].join(
    '\n',
  );
}
