import { describeZodIssues } from '../errors/index.ts';
import type { GraphIssue } from '../graph/issue.ts';
import type { GraphNode } from '../graph/schema.ts';
import type { OutputBranch } from '../nodes/node-kind.ts';
import { type AnyNodeKind, nodeKind } from '../nodes/registry.ts';
import type { CompileContext } from './compile-context.ts';
import { COMPILE_LIMITS, nestsDeeperThan } from './compile-limits.ts';

export interface CheckedNode {
  node: GraphNode;
  index: number;
  def: AnyNodeKind;
  content: unknown;
  /** `def.outputs(content)`, worked out once: every edge and walk asks for it, and it compiles conditions. */
  outputs: OutputBranch[];
}

/** Upgrades content stored by an older kind version, one step at a time. */
function migrate(def: AnyNodeKind, node: GraphNode): unknown {
  let content = node.content;
  for (let v = node.kindVersion; v < def.version; v++) {
    const step = def.migrations[v];
    if (step) content = step(content);
  }
  return content;
}

/** Each node's kind, version and content, checked; returns the nodes that can be compiled. */
export function checkNodes(
  nodes: readonly GraphNode[],
  context: CompileContext,
  issues: GraphIssue[],
): Map<string, CheckedNode> {
  const checked = new Map<string, CheckedNode>();
  // Ids met so far, checked or not: a second node with an id is a duplicate even when the first failed.
  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    const at = `nodes[${index}]`;
    if (seen.has(node.id)) {
      issues.push({
        code: 'duplicate_id',
        severity: 'error',
        nodeId: node.id,
        path: `${at}.id`,
        message: `node id "${node.id}" is used twice`,
      });
      return;
    }
    seen.add(node.id);
    const def = nodeKind(node.kind);
    if (!def) {
      issues.push({
        code: 'unknown_kind',
        severity: 'error',
        nodeId: node.id,
        path: `${at}.kind`,
        message: `unknown node kind "${node.kind}"`,
      });
      return;
    }
    if (nestsDeeperThan(node.content, COMPILE_LIMITS.maxContentDepth)) {
      issues.push({
        code: 'content_invalid',
        severity: 'error',
        nodeId: node.id,
        path: `${at}.content`,
        message: `content nests more than ${COMPILE_LIMITS.maxContentDepth} objects and arrays deep`,
      });
      return;
    }
    if (node.kindVersion > def.version) {
      issues.push({
        code: 'kind_version_unsupported',
        severity: 'error',
        nodeId: node.id,
        path: `${at}.kindVersion`,
        message: `${node.kind} version ${node.kindVersion} is newer than this engine knows (${def.version})`,
      });
      return;
    }
    const parsed = def.schema.safeParse(migrate(def, node));
    if (!parsed.success) {
      for (const { field, message } of describeZodIssues(parsed.error, `${at}.content`)) {
        issues.push({ code: 'content_invalid', severity: 'error', nodeId: node.id, path: field, message });
      }
      return;
    }
    for (const issue of def.validate(parsed.data, context)) {
      issues.push({
        code: issue.code,
        severity: issue.severity ?? 'error',
        nodeId: node.id,
        path: `${at}.content.${issue.path}`,
        message: issue.message,
      });
    }
    checked.set(node.id, { node, index, def, content: parsed.data, outputs: def.outputs(parsed.data) });
  });
  return checked;
}
