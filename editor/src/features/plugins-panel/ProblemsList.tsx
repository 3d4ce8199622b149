import { useTranslation } from 'react-i18next';
import type { PluginBuildIssueView } from '../../infrastructure/api/plugin-api.ts';

interface ProblemsListProps {
  issues: readonly PluginBuildIssueView[];
  warnings: readonly PluginBuildIssueView[];
  /** The source changed since these were found: they may have moved or gone. */
  stale: boolean;
  onReveal(at: { line: number; column: number }): void;
}

/** The build's problems at file:line:column; a click puts the cursor on the spot in the source. */
export function ProblemsList({ issues, warnings, stale, onReveal }: ProblemsListProps) {
  const { t } = useTranslation();
  const rows = [
    ...issues.map((issue) => ({ issue, severity: 'error' as const })),
    ...warnings.map((issue) => ({ issue, severity: 'warning' as const })),
  ];
  if (rows.length === 0) return null;
  return (
    <div className="og-plugin-problems" data-testid="plugin-problems">
      <h3 className="og-subtitle">
        {t('pluginsPanel.problems', { count: rows.length })}
        {stale ? <span className="og-muted"> · {t('pluginsPanel.problemsStale')}</span> : null}
      </h3>
      <ul className="og-issue-list">
        {rows.map(({ issue, severity }) => (
          <li key={`${severity}:${issue.at}`}>
            <button
              type="button"
              className={`og-issue og-issue--${severity} og-issue--button`}
              data-line={issue.line}
              data-column={issue.column}
              onClick={() => onReveal({ line: issue.line ?? 1, column: issue.column ?? 1 })}
            >
              <code>
                {issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`}
              </code>{' '}
              {issue.path === undefined ? '' : `manifest.${issue.path}: `}
              {issue.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
