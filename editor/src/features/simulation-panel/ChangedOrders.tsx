import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Select } from '../../atoms/Select.tsx';
import { CHANGE_KINDS, type ChangeKind } from '../../core/simulation/change-kinds.ts';
import type { ChangedOrder } from '../../infrastructure/api/api-types.ts';
import { useOpenedChange, useSimulationActions } from '../../stores/simulation-store.ts';
import { useUiActions } from '../../stores/ui-store.ts';
import { useChanges } from './use-changes.ts';

type Translate = ReturnType<typeof useTranslation>['t'];

/** A decision in a few words: outcome, hold reasons, warehouse, carrier. */
function outline(decision: Record<string, unknown>, t: Translate): string {
  const status = String(decision.status ?? '');
  const holds = Array.isArray(decision.holds) ? (decision.holds as string[]) : [];
  const known = ['approved', 'held', 'flagged'].includes(status);
  return [
    known ? t(`simulation.outcome.${status}`) : status,
    holds.length ? `(${holds.join(', ')})` : '',
    decision.warehouse ? `→ ${decision.warehouse}` : '',
    decision.carrier ? `· ${decision.carrier}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Orders the draft decides differently, filtered by kind; a click opens one in the test panel. */
export function ChangedOrders({ clientId, simulationId }: { clientId: string; simulationId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ChangeKind | ''>('');
  const { changes, hasMore, more, error, loading } = useChanges(clientId, simulationId, kind);
  const { openChange } = useSimulationActions();
  const opened = useOpenedChange();
  const isOpen = (change: ChangedOrder) =>
    opened?.simulationId === simulationId && opened.change.seq === change.seq;
  const { showTab } = useUiActions();
  const open = (change: ChangedOrder) => {
    openChange(change);
    showTab('test');
  };
  return (
    <section className="og-changes" data-testid="changed-orders">
      <h3 className="og-subtitle">{t('simulation.changes')}</h3>
      <Select
        aria-label={t('simulation.changes')}
        data-testid="change-kind"
        value={kind}
        placeholder={t('simulation.allKinds')}
        options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`simulation.kind.${k}`) }))}
        onChange={(value) => setKind(value as ChangeKind | '')}
      />
      {error ? <p className="og-issue og-issue--error">{error}</p> : null}
      {!loading && changes.length === 0 && !error ? (
        <p className="og-muted">{t('simulation.noChanges')}</p>
      ) : null}
      {changes.length ? (
        <table className="og-sim-table og-changes__table">
          <thead>
            <tr>
              <th>{t('simulation.order')}</th>
              <th>{t('simulation.what')}</th>
              <th>{t('simulation.before')}</th>
              <th>{t('simulation.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr
                key={change.seq}
                className={`og-changes__row ${isOpen(change) ? 'og-changes__row--open' : ''}`}
                data-open={isOpen(change) ? 'true' : undefined}
                data-order-id={change.orderId}
                title={t('simulation.openHint')}
                tabIndex={0}
                onClick={() => open(change)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') open(change);
                }}
              >
                <td className="og-changes__order">{change.orderId}</td>
                <td>{change.kinds.map((k) => t(`simulation.kind.${k}`, { defaultValue: k })).join('、')}</td>
                <td>{outline(change.baseline, t)}</td>
                <td>{outline(change.candidate, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {hasMore ? (
        <Button small disabled={loading} onClick={more} data-testid="more-changes">
          {t('simulation.more')}
        </Button>
      ) : null}
    </section>
  );
}
