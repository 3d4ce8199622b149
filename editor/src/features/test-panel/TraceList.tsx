import { useTranslation } from 'react-i18next';
import type { TraceEntry } from '../../core/engine.ts';
import { useEventLabel } from '../../hooks/useEventLabel.ts';

/** The rules that fired, stage by stage; the draft's own are marked (their path is lit on the canvas). */
export function TraceList({ trace, strategyId }: { trace: readonly TraceEntry[]; strategyId: string }) {
  const { t } = useTranslation();
  const eventLabel = useEventLabel();
  if (trace.length === 0) return <p className="og-muted">{t('test.noRuleFired')}</p>;
  return (
    <ol className="og-trace" data-testid="trace">
      {trace.map((entry) => (
        // A rule fires at most once per decision: strategy and rule name it.
        <li
          key={`${entry.strategyId}:${entry.rule}`}
          className={
            entry.strategyId === strategyId ? 'og-trace__entry og-trace__entry--own' : 'og-trace__entry'
          }
        >
          <span className="og-trace__strategy">{entry.strategyId}</span>
          <span className="og-trace__rule">{entry.rule}</span>
          <span className="og-trace__event">{eventLabel(entry.event.type)}</span>
          {Object.keys(entry.facts).length ? (
            <span className="og-trace__facts">
              {Object.entries(entry.facts)
                .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
                .join('  ')}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
