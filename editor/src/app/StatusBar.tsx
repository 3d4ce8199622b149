import { useTranslation } from 'react-i18next';
import { useDraftInfo } from '../stores/document-store.ts';
import { useCompileMs, useCompileResult, useIssueIndex } from '../stores/validation-store.ts';

/** One line of truth at the bottom: does it compile, into how many rules, how fast, and which revision. */
export function StatusBar() {
  const { t } = useTranslation();
  const result = useCompileResult();
  const ms = useCompileMs();
  const { errors, warnings } = useIssueIndex();
  const info = useDraftInfo();
  return (
    <footer className="og-status" data-testid="status-bar">
      <span className={errors ? 'og-status__bad' : 'og-status__good'} data-testid="compile-status">
        {result === undefined
          ? t('status.compiling')
          : result.ok
            ? t('status.compiled', { rules: result.compiled.rules.length, ms: ms.toFixed(0) })
            : t('status.errors', { count: errors })}
        {warnings ? ` · ${t('status.warnings', { count: warnings })}` : ''}
      </span>
      {info ? (
        <span className="og-muted">
          {t('status.revision', { revision: info.revision, who: info.updatedBy })}
        </span>
      ) : null}
    </footer>
  );
}
