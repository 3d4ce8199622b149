import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { RuleSet } from '../../engine/rules/schema.ts';
import { createCompiledEvaluator } from '../../engine/runtime/compiled/index.ts';
import type { EngineName, RuleEvaluator } from '../../engine/runtime/evaluator.ts';
import { createReferenceEvaluator } from '../../engine/runtime/reference/reference-evaluator.ts';

export interface RunRulesOptions {
  rules: RuleSet;
  input: Readable;
  output: Writable;
  engine: EngineName;
  /** Told of every bad line, with the real error; the output line carries only a stable message. */
  onError?: (error: unknown, line: number) => void;
}

export interface RunRulesSummary {
  lines: number;
  decided: number;
  errors: number;
}

/**
 * Messages in the output are the same whichever engine ran: the two fail on the same orders but
 * with different error texts, and the output must be byte-identical between them.
 */
export const LINE_ERRORS = {
  notJson: 'not valid JSON',
  notObject: 'not a JSON object of facts',
  failed: 'rule evaluation failed',
} as const;

const FLUSH_AT = 64 * 1024;

class LineError extends Error {}

function parseFacts(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LineError(LINE_ERRORS.notJson, { cause: error });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new LineError(LINE_ERRORS.notObject);
  return value as Record<string, unknown>;
}

/**
 * Decides every line of an NDJSON stream (each line's top-level fields are the facts) and writes
 * one line per order, in order: `{"line":n,"events":[{type,params}…]}` or `{"line":n,"error":"…"}`.
 * Line numbers count from 1 and include blank lines, which are skipped. Reads a line at a time and
 * honours back-pressure, so memory stays flat however long the input. Does not end `output`.
 */
export async function runRulesOverNdjson(options: RunRulesOptions): Promise<RunRulesSummary> {
  const { rules, input, output, engine, onError } = options;
  const create = (): RuleEvaluator =>
    engine === 'compiled' ? createCompiledEvaluator(rules) : createReferenceEvaluator(rules);
  let evaluator = create();
  const summary: RunRulesSummary = { lines: 0, decided: 0, errors: 0 };
  let pending = '';

  const flush = async () => {
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    if (!output.write(chunk)) await once(output, 'drain');
  };

  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    const line = ++summary.lines;
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === '') continue;
    let record: string;
    try {
      const facts = parseFacts(text);
      const hits = await evaluator.evaluate(facts);
      record = JSON.stringify({ line, events: hits.map((hit) => hit.event) });
      summary.decided++;
    } catch (error) {
      summary.errors++;
      onError?.(error, line);
      if (!(error instanceof LineError) && engine === 'reference') {
        // json-rules-engine's failed run leaves a promise chain that would cut the next run short.
        evaluator = create();
      }
      record = JSON.stringify({
        line,
        error: error instanceof LineError ? error.message : LINE_ERRORS.failed,
      });
    }
    pending += `${record}\n`;
    if (pending.length >= FLUSH_AT) await flush();
  }
  await flush();
  return summary;
}
