import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { describeZodIssues, InputError } from '../../engine/errors/index.ts';
import { type RuleSet, RuleSetSchema, toRuleSet } from '../../engine/rules/schema.ts';
import type { EngineName } from '../../engine/runtime/evaluator.ts';
import { type RunRulesSummary, runRulesOverNdjson } from './run-rules-over-ndjson.ts';

/** Reads and checks a json-rules-engine rule file: a rule array, or `{rules, conditions}`. */
export async function readRuleSet(path: string): Promise<RuleSet> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError('rules_unreadable', `${path}: ${(error as Error).message}`);
  }
  const parsed = RuleSetSchema.safeParse(json);
  if (!parsed.success) {
    const detail = describeZodIssues(parsed.error)
      .map(({ field, message }) => `${field || 'rules'}: ${message}`)
      .join('; ');
    throw new InputError('rules_invalid', `${path} is not json-rules-engine rule JSON: ${detail}`);
  }
  return toRuleSet(parsed.data);
}

export interface RunRulesFileOptions {
  rulesPath: string;
  ordersPath: string;
  /** Decisions go here, or to `stdout` when absent. */
  outPath?: string;
  stdout?: Writable;
  engine: EngineName;
  onError?: (error: unknown, line: number) => void;
}

/** `ordergraph run --rules … --orders … [--engine …] [--out …]`, minus the argument parsing. */
export async function runRulesFile(options: RunRulesFileOptions): Promise<RunRulesSummary> {
  const rules = await readRuleSet(options.rulesPath);
  if (options.ordersPath !== '-' && !existsSync(options.ordersPath)) {
    throw new InputError('file_unreadable', `cannot read ${options.ordersPath}: no such file`, {
      field: options.ordersPath,
    });
  }
  const input = options.ordersPath === '-' ? process.stdin : createReadStream(options.ordersPath);
  const output = options.outPath ? createWriteStream(options.outPath) : (options.stdout ?? process.stdout);
  try {
    return await runRulesOverNdjson({
      rules,
      input,
      output,
      engine: options.engine,
      onError: options.onError,
    });
  } finally {
    if (input !== process.stdin) input.destroy();
    if (options.outPath) {
      output.end();
      await finished(output);
    }
  }
}
