import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type GraphIssue, nodeKind } from '../core/engine.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useLabel } from './useLabel.ts';

/** Issues about the graph's shape have fixed wording: said here in the UI language, naming nodes as the canvas does. */
const SHAPE_CODES = new Set([
  'missing_branch',
  'unreachable_node',
  'missing_start',
  'multiple_starts',
  'edge_into_start',
  'no_rules',
  'dangling_edge',
  'cycle',
]);

/**
 * An issue as the consultant reads it. The compiler's own message (English, precise) stays for
 * content issues, where it names fields and values; shape issues are told in the UI language.
 */
export function useIssueText(): (issue: GraphIssue) => string {
  const { t } = useTranslation();
  const label = useLabel();
  return useCallback(
    (issue: GraphIssue) => {
      // The analysis words its warnings in both languages itself.
      if (issue.text) return label(issue.text);
      // A node's own `no_rules` (an empty table) keeps its message; the strategy-wide one is a shape issue.
      if (!SHAPE_CODES.has(issue.code) || (issue.code === 'no_rules' && issue.nodeId)) return issue.message;
      const doc = useDocumentStore.getState().history?.present;
      const node = issue.nodeId ? doc?.nodes.find((n) => n.id === issue.nodeId) : undefined;
      const def = node ? nodeKind(node.kind) : undefined;
      const name = node ? node.name || (def ? label(def.label) : node.kind) : (issue.nodeId ?? '');
      let branch = /for its "(.+)" branch/.exec(issue.message)?.[1] ?? '';
      if (def && node) {
        try {
          const parsed = def.schema.safeParse(node.content);
          const found = parsed.success
            ? def.outputs(parsed.data).find((o) => o.label.en === branch)
            : undefined;
          if (found) branch = label(found.label);
        } catch {
          // half-edited content: keep the compiler's word for the branch
        }
      }
      const path = issue.message.includes(': ') ? issue.message.slice(issue.message.indexOf(': ') + 2) : '';
      return t(`issueText.${issue.code}`, { node: name, branch, path });
    },
    [t, label],
  );
}
