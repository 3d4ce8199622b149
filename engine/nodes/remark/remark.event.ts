import { defineEvent } from '../../events/event-def.ts';
import { type CompiledRules, compileRules, type Finding } from './compile-rules.ts';
import type { RemarkExtract, RemarkSource, Scalar } from './remark-schema.ts';
import { RemarkExtractSchema } from './remark-schema.ts';
import { type Extraction, resolveFindings, type SourcedFinding } from './resolve-findings.ts';

/**
 * Extractions by what each source's text gave, source after source: the compiled rules hand out
 * one findings array per remembered text, so orders whose remarks say the same thing share one
 * resolution instead of tagging, grouping and wording conflicts again (resolving was half of
 * remark.extract's time). Weak keys: a findings array the rules forget takes its entries along.
 */
interface Resolved {
  next?: WeakMap<readonly Finding[], Resolved>;
  extraction?: Extraction;
}

interface Extractor {
  rules: CompiledRules;
  collecting: ReadonlySet<string>;
  resolved: Resolved;
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
      resolved: {},
    };
    byJson.set(json, extractor);
  }
  byIdentity.set(params, extractor);
  return extractor;
}

/** What the sources' texts give, resolved; null when no rule found anything in them. */
function extract(
  { rules, collecting, resolved }: Extractor,
  sources: readonly RemarkSource[],
  order: Record<RemarkSource, string>,
): Extraction | null {
  // Sized up front: a first push gives an empty array room for 17 (184 bytes an order, most of
  // this stage's allocation, measured), where it holds one list per source.
  const found = new Array<readonly Finding[]>(sources.length);
  let any = false;
  for (let i = 0; i < sources.length; i++) {
    const findings = rules.run(order[sources[i]!]);
    found[i] = findings;
    if (findings.length > 0) any = true;
  }
  // Most orders carry no remark, or none a rule reads: nothing to extract and nothing to conflict.
  if (!any) return null;
  let node = resolved;
  for (const findings of found) {
    node.next ??= new WeakMap();
    let next = node.next.get(findings);
    if (!next) {
      next = {};
      node.next.set(findings, next);
    }
    node = next;
  }
  node.extraction ??= resolveFindings(tagged(sources, found), collecting);
  return node.extraction;
}

/** Each source's findings with the source they came from, sources in the node's order. */
function tagged(sources: readonly RemarkSource[], found: readonly (readonly Finding[])[]): SourcedFinding[] {
  const findings: SourcedFinding[] = [];
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    for (const { ruleId, key, value, evidence } of found[i]!)
      findings.push({ ruleId, key, value, evidence, source });
  }
  return findings;
}

/** The values into `extracted`, as Object.assign would, each list a copy: an extraction is shared between orders. */
function write(extracted: Record<string, unknown>, values: Record<string, Scalar | Scalar[]>): void {
  for (const key of Object.keys(values)) {
    const value = values[key]!;
    extracted[key] = Array.isArray(value) ? value.slice() : value;
  }
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
    const extractor = extractorFor(params);
    for (const error of extractor.rules.errors) {
      hold('event_invalid', `remark rule ${error.ruleId} cannot run: ${error.message}`);
    }
    const extraction = extract(extractor, params.sources, order);
    if (extraction === null) return;
    write(decision.extracted, extraction.values);
    for (const { message } of extraction.conflicts) {
      if (params.onConflict === 'flag')
        decision.flags.push({ reason: params.conflictReason, message, ...origin });
      else if (params.onConflict === 'hold') hold(params.conflictReason, message);
    }
  },
});
