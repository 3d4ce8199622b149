import { defineEvent } from '../../events/event-def.ts';
import { type CompiledRules, compileRules } from './compile-rules.ts';
import { type RemarkExtract, RemarkExtractSchema } from './remark-schema.ts';
import { resolveFindings, type SourcedFinding } from './resolve-findings.ts';

interface Extractor {
  rules: CompiledRules;
  collecting: ReadonlySet<string>;
}

/**
 * Compiled rule sets, so regexes and word lists are prepared once per rule set, not per order:
 * by the params object where the caller hands the same one again, else by its JSON — the pipeline
 * parses event params afresh for every order today, and serialising is far cheaper than compiling.
 * A handful of remark nodes exist per deployment; the bound only guards against a process fed
 * endless distinct rule JSON.
 */
const byIdentity = new WeakMap<RemarkExtract, Extractor>();
const byJson = new Map<string, Extractor>();
const MAX_CACHED = 256;

function extractorFor(params: RemarkExtract): Extractor {
  let extractor = byIdentity.get(params);
  if (extractor) return extractor;
  const json = JSON.stringify(params);
  extractor = byJson.get(json);
  if (!extractor) {
    if (byJson.size >= MAX_CACHED) byJson.clear();
    extractor = {
      rules: compileRules(params.rules),
      collecting: new Set(params.rules.filter((r) => r.collect).map((r) => r.key)),
    };
    byJson.set(json, extractor);
  }
  byIdentity.set(params, extractor);
  return extractor;
}

/**
 * Runs the extractor over the order's remarks and writes `decision.extracted`, which later stages
 * read as `extracted.<key>`. It has to be an event, not conditions: what it writes depends on the
 * text at run time. Conflicting requests flag (or hold) the order with a message naming each one.
 */
export const remarkExtractEvent = defineEvent({
  type: 'remark.extract',
  label: { en: 'Parse remarks', zh: '备注解析' },
  params: RemarkExtractSchema,
  apply: (params, { decision, order, origin, hold }) => {
    const { rules, collecting } = extractorFor(params);
    for (const error of rules.errors) {
      hold('event_invalid', `remark rule ${error.ruleId} cannot run: ${error.message}`);
    }
    const findings: SourcedFinding[] = [];
    for (const source of params.sources) {
      // A copy per order, in the finding's key order: the compiled rules share theirs between orders.
      for (const { ruleId, key, value, evidence } of rules.run(order[source]))
        findings.push({ ruleId, key, value, evidence, source });
    }
    // Most orders carry no remark, or none a rule reads: nothing to extract and nothing to conflict.
    if (findings.length === 0) return;
    const { values, conflicts } = resolveFindings(findings, collecting);
    Object.assign(decision.extracted, values);
    for (const { message } of conflicts) {
      if (params.onConflict === 'flag')
        decision.flags.push({ reason: params.conflictReason, message, ...origin });
      else if (params.onConflict === 'hold') hold(params.conflictReason, message);
    }
  },
});
