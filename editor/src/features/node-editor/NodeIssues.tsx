import { useTranslation } from 'react-i18next';
import type { GraphIssue } from '../../core/engine.ts';
import { useIssueText } from '../../hooks/useIssueText.ts';

/** Everything the compiler says about this node, on top of its form, so nothing hides in a collapsed field. */
export function NodeIssues({ issues }: { issues: readonly GraphIssue[] }) {
  const { t } = useTranslation();
  const text = useIssueText();
  if (issues.length === 0) return null;
  return (
    <ul className="og-node-issues" aria-label={t('issues.title')}>
      {issues.map((issue) => (
        <li
          key={`${issue.code}:${issue.path}:${issue.message}`}
          className={`og-issue og-issue--${issue.severity}`}
        >
          <span className="og-issue__code">{t(`issueCode.${issue.code}`, { defaultValue: issue.code })}</span>{' '}
          {text(issue)}
        </li>
      ))}
    </ul>
  );
}
