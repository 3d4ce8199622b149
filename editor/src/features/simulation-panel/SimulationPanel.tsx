import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Select } from '../../atoms/Select.tsx';
import { useDirty, useDoc } from '../../stores/document-store.ts';
import { useSimulationJob, useSimulationReport } from '../../stores/simulation-store.ts';
import { ChangedOrders } from './ChangedOrders.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { cancelRun, runSimulation } from './simulation-runner.ts';
import { UploadForm } from './UploadForm.tsx';
import { useSimulationSources } from './use-simulation-sources.ts';

// echarts is a few hundred kB: it loads with the first report, not with the editor.
const SimulationCharts = lazy(() => import('./SimulationCharts.tsx'));

const RUNNING = new Set(['queued', 'running']);

/**
 * Replay a history of the client's orders: this draft inside the live pipeline against live (or
 * live alone), its progress, then what changes in business terms and which orders change.
 */
export function SimulationPanel() {
  const { t } = useTranslation();
  const doc = useDoc();
  const dirty = useDirty();
  // The editor page renders panels only with a document open.
  const clientId = doc?.clientId ?? '';
  const { histories, mappings, error: sourceError, reload } = useSimulationSources(clientId);
  const [historyId, setHistoryId] = useState('');
  const [mode, setMode] = useState<'draft' | 'live'>('draft');
  const [runError, setRunError] = useState<string>();
  const job = useSimulationJob();
  const report = useSimulationReport();
  const ready = histories?.filter((h) => h.status === 'ready') ?? [];
  const newest = ready[0]?.historyId;
  // The newest history is the likely one; the consultant may pick another.
  useEffect(() => {
    if (!historyId && newest) setHistoryId(newest);
  }, [historyId, newest]);
  const uploaded = useCallback(
    (id: string) => {
      setHistoryId(id);
      void reload();
    },
    [reload],
  );
  const running = job !== undefined && RUNNING.has(job.status);
  const run = () => {
    setRunError(undefined);
    runSimulation(historyId, mode === 'draft').catch((e: Error) => setRunError(e.message));
  };
  return (
    <div className="og-simulation" data-testid="simulation-panel">
      <h2 className="og-panel-title">{t('simulation.title')}</h2>
      {sourceError ? <p className="og-issue og-issue--error">{sourceError}</p> : null}
      <label className="og-field__label" htmlFor="og-sim-history">
        {t('simulation.history')}
      </label>
      {ready.length ? (
        <Select
          id="og-sim-history"
          data-testid="sim-history"
          value={historyId}
          options={ready.map((h) => ({
            value: h.historyId,
            label: t('simulation.historyOption', { name: h.name, rows: h.rows }),
          }))}
          onChange={setHistoryId}
        />
      ) : (
        <p className="og-muted">{t('simulation.noHistories')}</p>
      )}
      <label className="og-field__label" htmlFor="og-sim-mode">
        {t('simulation.mode')}
      </label>
      <Select
        id="og-sim-mode"
        value={mode}
        options={[
          { value: 'draft', label: t('simulation.modeCandidate') },
          { value: 'live', label: t('simulation.modeLive') },
        ]}
        onChange={(value) => setMode(value as 'draft' | 'live')}
      />
      {mode === 'draft' && dirty ? <p className="og-field__help">{t('simulation.savesFirst')}</p> : null}
      <div className="og-test-panel__actions">
        <Button tone="primary" disabled={!historyId || running} onClick={run} data-testid="run-simulation">
          {t('simulation.run')}
        </Button>
        {running ? (
          <Button
            onClick={() => void cancelRun().catch((e: Error) => setRunError(e.message))}
            data-testid="cancel-simulation"
          >
            {t('simulation.cancel')}
          </Button>
        ) : null}
      </div>
      {runError ? (
        <p className="og-issue og-issue--error" data-testid="simulation-error">
          {runError}
        </p>
      ) : null}
      {job ? (
        <div className="og-sim-status" data-testid="simulation-status" data-status={job.status}>
          <strong>{t(`simulation.status.${job.status}`)}</strong>
          {running ? (
            <ProgressBar
              testId="simulation-progress"
              share={job.progress}
              label={[
                t('simulation.progress', {
                  phase: t(`simulation.phase.${job.phase}`, { defaultValue: job.phase }),
                  done: job.ordersDone,
                }),
                job.etaSeconds !== null ? t('simulation.eta', { seconds: Math.ceil(job.etaSeconds) }) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          ) : null}
          {job.error ? <p className="og-issue og-issue--error">{job.error}</p> : null}
        </div>
      ) : null}
      {report && job ? (
        <>
          <p className="og-muted" data-testid="simulation-summary">
            {t('simulation.summary', {
              orders: report.orders,
              decided: report.decided,
              skipped: report.skippedTotal,
            })}{' '}
            {report.changed ? t('simulation.changedSummary', { count: report.changed.count }) : null}
          </p>
          <Suspense fallback={<p className="og-muted">{t('home.loading')}</p>}>
            <SimulationCharts report={report} />
          </Suspense>
          {report.changed ? <ChangedOrders clientId={clientId} simulationId={job.simulationId} /> : null}
        </>
      ) : null}
      <UploadForm clientId={clientId} mappings={mappings ?? []} onUploaded={uploaded} />
    </div>
  );
}
