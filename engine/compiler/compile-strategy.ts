import { describeZodIssues } from '../errors/index.ts';
import { type GraphIssue, hasErrors } from '../graph/issue.ts';
import { type Strategy, StrategySchema } from '../graph/schema.ts';
import { buildRules } from './build-rules.ts';
import { checkNodes } from './check-nodes.ts';
import { checkStructure } from './check-structure.ts';
import type { CompileContext } from './compile-context.ts';
import type { CompiledStrategy } from './compiled-strategy.ts';

export type CompileResult =
  | { ok: true; strategy: Strategy; compiled: CompiledStrategy; issues: GraphIssue[] }
  | { ok: false; strategy?: Strategy; issues: GraphIssue[] };

/** Checks a strategy document and every issue in it; compiles it when none is an error. Never throws on bad input. */
export function compileStrategy(document: unknown, context: CompileContext = {}): CompileResult {
  const parsed = StrategySchema.safeParse(document);
  if (!parsed.success) {
    const issues = describeZodIssues(parsed.error).map(({ field, message }) => ({
      code: 'document_invalid' as const,
      severity: 'error' as const,
      path: field,
      message: `${field || 'document'}: ${message}`,
      ...nodeAt(document, field),
    }));
    return { ok: false, issues };
  }
  const strategy = parsed.data;
  const issues: GraphIssue[] = [];
  if (context.client && context.client.id !== strategy.clientId) {
    issues.push({
      code: 'unknown_reference',
      severity: 'error',
      path: 'clientId',
      message: `the strategy belongs to client "${strategy.clientId}", not "${context.client.id}"`,
    });
  }
  const nodes = checkNodes(strategy.nodes, context, issues);
  const shape = checkStructure(strategy, nodes, issues);
  if (!shape || hasErrors(issues)) return { ok: false, strategy, issues };
  const built = buildRules(nodes, shape);
  if (!built.ok) return { ok: false, strategy, issues: [...issues, built.issue] };
  const { rules, sourceMap } = built;
  if (rules.length === 0) {
    issues.push({
      code: 'no_rules',
      severity: 'warning',
      path: 'nodes',
      message: 'no action is reachable from start: the strategy decides nothing',
    });
  }
  const compiled: CompiledStrategy = {
    formatVersion: 1,
    strategyId: strategy.id,
    clientId: strategy.clientId,
    family: strategy.family,
    name: strategy.name,
    hitPolicy: strategy.hitPolicy,
    rules,
    sourceMap,
  };
  return { ok: true, strategy, compiled, issues };
}

/** Names the node a document-level problem sits in, when the path points inside one. */
function nodeAt(document: unknown, field: string): { nodeId?: string; edgeId?: string } {
  const match = /^(nodes|edges)\[(\d+)\]/.exec(field);
  if (!match) return {};
  const list = (document as Record<string, unknown>)[match[1]!];
  const item = Array.isArray(list) ? list[Number(match[2])] : undefined;
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') return {};
  return match[1] === 'nodes' ? { nodeId: id } : { edgeId: id };
}
