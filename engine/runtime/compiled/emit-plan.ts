import type { RuleHit } from '../evaluator.ts';
import type { PriorityGroup, RuleClosure } from './compile-rule-set.ts';
import { emitLoad, slotRef, slotsUsed } from './emit-load.ts';
import type { EagerRead, Facts } from './fact-accessor.ts';
import { compileSource, SourcePool } from './source-pool.ts';
import { isNumeric } from './standard-operators.ts';
import { delayOf } from './tick-model.ts';

/** The hot path: generated functions with the fact reads and every rule's conditions inlined. */
export interface Plan {
  /**
   * Writes the fired rules, by their index in the rule set, into `fired` from index 0 and returns
   * how many there are, in the order of their hits.
   */
  evaluate(facts: Facts, slots: unknown[], fired: number[]): number;
  /**
   * `evaluate` without refusing functions and thenables, for facts already checked (emitPlainCheck),
   * into the plan's own slots, handing what it throws to the plan's `fail`: CompiledEvaluator's
   * `evaluatePlain` itself, with no call between, where a pipeline calls a stage's many times per order.
   */
  evaluatePlain(facts: Facts, fired: number[]): number;
  firstHit(facts: Facts, slots: unknown[]): RuleHit | undefined;
}

/** Hits of one priority whose order depends on the facts: by delay, then insertion (tick-model.ts). */
function byDelay(fired: RuleClosure[], facts: Facts, slots: unknown[]): RuleClosure[] {
  const delays = new Map(fired.map((rule) => [rule, delayOf(rule.delay, facts, slots)]));
  return fired.sort((a, b) => delays.get(a)! - delays.get(b)!);
}

function writeInOrder(
  fired: RuleClosure[],
  facts: Facts,
  slots: unknown[],
  out: number[],
  n: number,
): number {
  let written = n;
  for (const rule of byDelay(fired, facts, slots)) out[written++] = rule.index;
  return written;
}

const firstInOrder = (fired: RuleClosure[], facts: Facts, slots: unknown[]): RuleHit =>
  byDelay(fired, facts, slots)[0]!.hit;

/**
 * Code for one rule, or one priority whose hits must be ordered at run time, in both entry points.
 * `first` is the earliest hit so far; a rule that could still throw keeps running after it, since
 * json-rules-engine then fails the whole run, and `quiet` marks where nothing after can.
 */
interface Unit {
  evaluate: string;
  firstHit: string;
  quiet: boolean;
}

function units(groups: readonly PriorityGroup[], pool: SourcePool): Unit[] {
  const quietFrom: boolean[] = new Array(groups.length + 1).fill(true);
  for (let g = groups.length - 1; g >= 0; g--) quietFrom[g] = groups[g]!.total && quietFrom[g + 1]!;
  return groups.flatMap((group, g): Unit[] => {
    const quiet = quietFrom[g + 1]!;
    const stop = quiet ? '\nif (first !== undefined) return first;' : '';
    if (!group.staticOrder) {
      const collect = [
        'g = [];',
        ...group.rules.map((rule) => `if (${rule.emit(pool)}) g.push(${pool.ref(rule)});`),
      ];
      return [
        {
          evaluate: [...collect, `if (g.length > 0) n = ${pool.ref(writeInOrder)}(g, f, s, out, n);`].join(
            '\n',
          ),
          firstHit:
            [
              ...collect,
              `if (g.length > 0 && first === undefined) first = ${pool.ref(firstInOrder)}(g, f, s);`,
            ].join('\n') + stop,
          quiet,
        },
      ];
    }
    return group.rules.map((rule, i): Unit => {
      const [test, hit] = [rule.emit(pool), pool.ref(rule.hit)];
      const last = i === group.rules.length - 1;
      return {
        evaluate: `if (${test}) out[n++] = ${rule.index};`,
        // Sorted statically: in a total group, the first rule to fire is the answer once nothing after can throw.
        firstHit:
          group.total && quiet
            ? `if (${test}) return first !== undefined ? first : ${hit};`
            : `if (${test} && first === undefined) first = ${hit};${last ? stop : ''}`,
        quiet: last && quiet,
      };
    });
  });
}

/** TurboFan skips functions with too much bytecode: keep each generated function small. */
const CHUNK_SOURCE = 12_000;

function chunk(all: readonly Unit[]): Unit[][] {
  const chunks: Unit[][] = [[]];
  let size = 0;
  for (const unit of all) {
    if (size > CHUNK_SOURCE) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(unit);
    size += unit.evaluate.length + unit.firstHit.length;
  }
  return chunks;
}

/** Copies the slots a chunk reads into locals, so its conditions read locals. */
function prologue(source: string): string {
  const used = slotsUsed(source);
  return used.length ? `const ${used.map((slot) => `${slotRef(slot)} = s[${slot}]`).join(', ')};\n` : '';
}

/** What `evaluatePlain` works with: the slots it fills, and what it calls when a rule throws. */
export interface PlainScope {
  slots: unknown[];
  fail(error: unknown, facts: Facts): never;
}

export function emitPlan(
  groups: readonly PriorityGroup[],
  reads: readonly EagerRead[],
  { slots, fail }: PlainScope,
): Plan {
  const pool = new SourcePool();
  const functions = [
    `function load(f, s) {\n${emitLoad(reads, pool)}\n}`,
    `function loadPlain(f, s) {\n${emitLoad(reads, pool, false)}\n}`,
  ];
  const evaluateCalls: string[] = [];
  const firstHitCalls: string[] = [];
  chunk(units(groups, pool)).forEach((part, i) => {
    const evaluate = part.map((unit) => unit.evaluate).join('\n');
    const firstHit = part.map((unit) => unit.firstHit).join('\n');
    functions.push(`function e${i}(f, s, out, n) {\n${prologue(evaluate)}let g;\n${evaluate}\nreturn n;\n}`);
    functions.push(
      `function h${i}(f, s, first) {\n${prologue(firstHit)}let g;\n${firstHit}\nreturn first;\n}`,
    );
    evaluateCalls.push(`n = e${i}(f, s, out, n);`);
    firstHitCalls.push(
      `first = h${i}(f, s, first);${part.at(-1)?.quiet ? '\nif (first !== undefined) return first;' : ''}`,
    );
  });
  const body = [
    ...functions,
    'return {',
    `evaluate: function (f, s, out) {\nload(f, s);\nlet n = 0;\n${evaluateCalls.join('\n')}\nreturn n;\n},`,
    `evaluatePlain: function (f, out) {\nconst s = ${pool.ref(slots)};\ntry {\nloadPlain(f, s);\nlet n = 0;\n${evaluateCalls.join('\n')}\nreturn n;\n} catch (error) {\n${pool.ref(fail)}(error, f);\n}\n},`,
    `firstHit: function (f, s) {\nload(f, s);\nlet first;\n${firstHitCalls.join('\n')}\nreturn first;\n}`,
    '};',
  ].join('\n');
  return compileSource<Plan>(pool, { isArray: Array.isArray, isNumeric, hasOwn: Object.hasOwn }, body);
}
