import './change-compare.css';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { useDoc, useDocumentStore } from '../../stores/document-store.ts';
import { useHighlightActions, useHighlightStore } from '../../stores/highlight-store.ts';
import { type OpenedChange, useOpenedChange, useSimulationActions } from '../../stores/simulation-store.ts';
import { useTestRunActions } from '../../stores/test-run-store.ts';
import { firedPath } from './change-paths.ts';
import { outlineRows } from './outline-rows.ts';

/** Lights the opened change's two paths on the canvas: live's and the draft's, in two colours. */
function lightBoth(opened: OpenedChange) {
  const doc = useDocumentStore.getState().history?.present;
  if (!doc) return;
  useHighlightStore
    .getState()
    .actions.lightCompare(
      firedPath(opened.baselineFired, doc.id, doc.edges),
      firedPath(opened.candidateFired, doc.id, doc.edges),
    );
}

/**
 * A changed order opened from the simulation panel: both decisions side by side, both paths lit,
 * and the order filled in as the test order, to run it again with the draft as it is now.
 */
export function ChangeComparison({ onRerun }: { onRerun: () => void }) {
  const { t } = useTranslation();
  const opened = useOpenedChange();
  const doc = useDoc();
  const { closeChange } = useSimulationActions();
  const { clear } = useHighlightActions();
  const { setPasted, setPlatform } = useTestRunActions();

  const fillOrder = useCallback(
    (order: Record<string, unknown> | undefined) => {
      if (!order) return;
      setPasted(JSON.stringify(order, null, 2));
      // The changes API keeps the order as the simulation read it: already a standard order.
      setPlatform('standard');
    },
    [setPasted, setPlatform],
  );
  // Each opening (a new object per click) lights both paths and fills the order in, once.
  useEffect(() => {
    if (!opened) return;
    lightBoth(opened);
    fillOrder(opened.change.order);
  }, [opened, fillOrder]);

  if (!opened) return null;
  const { change } = opened;
  const rows = outlineRows(change.baseline, change.candidate);
  const present = new Set(doc?.nodes.map((n) => n.id));
  const absent = [...opened.baselineNodeIds].filter((id) => !present.has(id)).length;
  const rerun = () => {
    fillOrder(change.order);
    onRerun();
  };
  const close = () => {
    closeChange();
    clear();
  };
  return (
    <section className="og-change-compare" data-testid="change-compare" data-order-id={change.orderId}>
      <h3 className="og-subtitle">{t('traceCompare.title', { orderId: change.orderId })}</h3>
      <p className="og-muted">
        {t('traceCompare.changed', {
          kinds: change.kinds.map((k) => t(`simulation.kind.${k}`, { defaultValue: k })).join('、'),
        })}
      </p>
      <p className="og-trace-legend og-trace-legend--inline">
        {(['baseline', 'candidate', 'both'] as const).map((side) => (
          <span key={side} className="og-trace-legend__item">
            <span className={`og-trace-legend__swatch og-trace-legend__swatch--${side}`} aria-hidden="true" />
            {t(`traceCompare.${side}`)}
          </span>
        ))}
      </p>
      <table className="og-sim-table og-change-compare__table">
        <thead>
          <tr>
            <th>{t('traceCompare.field')}</th>
            <th>{t('traceCompare.baselineHead')}</th>
            <th>{t('traceCompare.candidateHead')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.field}
              className={row.changed ? 'og-change-compare__row--changed' : ''}
              data-field={row.field}
              data-changed={row.changed ? 'true' : undefined}
            >
              <th scope="row">{t(`traceCompare.${row.field}`)}</th>
              <td data-side="baseline">
                {row.field === 'status' ? statusText(row.baseline, t) : row.baseline}
              </td>
              <td data-side="candidate">
                {row.field === 'status' ? statusText(row.candidate, t) : row.candidate}
              </td>
            </tr>
          ))}
          <tr data-field="rules">
            <th scope="row">{t('traceCompare.rules')}</th>
            <td data-side="baseline">{rulesText(opened.baselineFired, doc?.id)}</td>
            <td data-side="candidate">{rulesText(opened.candidateFired, doc?.id)}</td>
          </tr>
        </tbody>
      </table>
      {absent > 0 ? (
        <p className="og-field__help">{t('traceCompare.absentNodes', { count: absent })}</p>
      ) : null}
      {change.order ? (
        <p className="og-field__help" data-testid="change-order-filled">
          {t('traceCompare.orderFilled')}
        </p>
      ) : (
        <p className="og-issue og-issue--warning" data-testid="change-order-missing">
          {t(`traceCompare.missing.${change.orderMissing ?? 'old'}`)}
        </p>
      )}
      <div className="og-test-panel__actions">
        {change.order ? (
          <Button tone="primary" small onClick={rerun} data-testid="rerun-change">
            ▶ {t('traceCompare.rerun')}
          </Button>
        ) : null}
        <Button small onClick={() => lightBoth(opened)} data-testid="relight-change">
          {t('traceCompare.relight')}
        </Button>
        <Button small onClick={close} data-testid="close-change">
          {t('traceCompare.close')}
        </Button>
      </div>
    </section>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

const statusText = (status: string, t: Translate) =>
  ['approved', 'held', 'flagged'].includes(status) ? t(`status.${status}`) : t('traceCompare.failed');

/** The rules a side fired in this strategy, by name. */
function rulesText(fired: OpenedChange['baselineFired'], strategyId: string | undefined): string {
  const own = fired.filter((f) => f.strategyId === strategyId).map((f) => f.rule);
  return own.join('、') || '—';
}
