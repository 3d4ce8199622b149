import { useTranslation } from 'react-i18next';
import type { GraphIssue } from '../../core/engine.ts';
import { nodeKind } from '../../core/engine.ts';
import { useIssueText } from '../../hooks/useIssueText.ts';
import { useLabel } from '../../hooks/useLabel.ts';
import { useDoc } from '../../stores/document-store.ts';
import { useSelectionActions } from '../../stores/selection-store.ts';
import { useUiActions } from '../../stores/ui-store.ts';
import { useCompileResult } from '../../stores/validation-store.ts';

/** Every issue of the draft; a click selects and shows the node it names, and opens its form. */
export function IssueList() {
  const { t } = useTranslation();
  const label = useLabel();
  const text = useIssueText();
  const result = useCompileResult();
  const doc = useDoc();
  const { focusNode, select } = useSelectionActions();
  const { showTab } = useUiActions();
  const issues = result?.issues ?? [];
  const nodeName = (id: string | undefined) => {
    const node = id ? doc?.nodes.find((n) => n.id === id) : undefined;
    if (!node) return id ?? '';
    const def = nodeKind(node.kind);
    return node.name || (def ? label(def.label) : node.kind);
  };
  const open = (issue: GraphIssue) => {
    if (issue.nodeId) {
      focusNode(issue.nodeId);
      showTab('inspector');
    } else if (issue.edgeId) {
      select([], [issue.edgeId]);
    }
  };
  if (!result) return <p className="og-muted">{t('issues.checking')}</p>;
  if (issues.length === 0) {
    return (
      <p className="og-ok" data-testid="issues-none">
        ✓ {t('issues.none')}
      </p>
    );
  }
  return (
    <ul className="og-issue-list" data-testid="issue-list">
      {issues.map((issue) => (
        <li key={`${issue.code}:${issue.path}:${issue.nodeId ?? ''}:${issue.edgeId ?? ''}`}>
          <button
            type="button"
            className={`og-issue og-issue--${issue.severity} og-issue--button`}
            onClick={() => open(issue)}
            data-node-id={issue.nodeId}
            data-code={issue.code}
          >
            <span className="og-issue__where">
              {issue.nodeId ? nodeName(issue.nodeId) : issue.edgeId ? t('issues.edge') : t('issues.strategy')}
            </span>
            <span className="og-issue__code">
              {t(`issueCode.${issue.code}`, { defaultValue: issue.code })}
            </span>
            <span className="og-issue__message">{text(issue)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
