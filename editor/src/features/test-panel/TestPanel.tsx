import { useTranslation } from 'react-i18next';
import { Badge } from '../../atoms/Badge.tsx';
import { Button } from '../../atoms/Button.tsx';
import { Select } from '../../atoms/Select.tsx';
import { useDoc } from '../../stores/document-store.ts';
import { useHighlightActions } from '../../stores/highlight-store.ts';
import {
  useOwnTests,
  useTestRun,
  useTestRunActions,
  useTestRunning,
  useTestScope,
} from '../../stores/test-run-store.ts';
import { DecisionView } from './DecisionView.tsx';
import { OrderPicker } from './OrderPicker.tsx';
import { TraceList } from './TraceList.tsx';
import { useTestRunner } from './use-test-runner.ts';

/** Try the draft on an order: the decision, the rules that fired, and the path lit on the canvas. */
export function TestPanel() {
  const { t } = useTranslation();
  const doc = useDoc();
  const run = useTestRun();
  const running = useTestRunning();
  const scope = useTestScope();
  const ownTests = useOwnTests();
  const { setScope } = useTestRunActions();
  const { clear } = useHighlightActions();
  const runner = useTestRunner();
  return (
    <div className="og-test-panel" data-testid="test-panel">
      <h2 className="og-panel-title">{t('test.title')}</h2>
      <OrderPicker />
      <label className="og-field__label" htmlFor="og-test-scope">
        {t('test.scope')}
      </label>
      <Select
        id="og-test-scope"
        value={scope}
        options={[
          { value: 'pipeline', label: t('test.scopePipeline') },
          { value: 'alone', label: t('test.scopeAlone') },
        ]}
        onChange={(v) => setScope(v as typeof scope)}
      />
      <div className="og-test-panel__actions">
        <Button tone="primary" onClick={() => void runner.run()} disabled={running} data-testid="run-test">
          ▶ {t('test.run')}
        </Button>
        <Button onClick={clear}>{t('test.clearLight')}</Button>
      </div>
      {run && !run.ok && run.stage === 'compile' ? (
        <div className="og-issue og-issue--error" data-testid="test-error">
          {t('test.cannotCompile', { count: run.issues.length })}
        </div>
      ) : null}
      {run && !run.ok && run.stage === 'order' ? (
        <div className="og-issue og-issue--error" data-testid="test-error">
          {t('test.badOrder')}: {run.message}
        </div>
      ) : null}
      {run && !run.ok && run.stage === 'plugins' ? (
        <div className="og-issue og-issue--error" data-testid="test-error">
          {t('test.draftCallsPlugins')}
        </div>
      ) : null}
      {run?.ok ? (
        <>
          {run.skipped.length > 0 ? (
            <p className="og-field__help" data-testid="test-skipped">
              {t('test.skippedPluginStages', { strategies: run.skipped.join(', ') })}
            </p>
          ) : null}
          <p className="og-muted">
            {t('test.ranIn', { ms: run.ms.toFixed(1), platform: t(`platform.${run.platform}`) })}
            {' · '}
            {t('test.litNodes', { count: run.lit.nodeIds.size })}
          </p>
          <DecisionView decision={run.decision} />
          <h3 className="og-subtitle">{t('test.trace')}</h3>
          <TraceList trace={run.decision.trace ?? []} strategyId={doc?.id ?? ''} />
        </>
      ) : null}
      <h3 className="og-subtitle">{t('test.ownTests', { count: doc?.tests.length ?? 0 })}</h3>
      <Button onClick={() => void runner.runOwnTests()} disabled={!doc?.tests.length}>
        {t('test.runOwnTests')}
      </Button>
      {ownTests ? (
        <ul className="og-own-tests">
          {ownTests.map((outcome) => (
            <li key={outcome.name}>
              <Badge tone={outcome.passed ? 'ok' : 'error'}>
                {outcome.passed ? t('test.passed') : t('test.failed')}
              </Badge>{' '}
              {outcome.name}
              {outcome.failures.map((f) => (
                <p key={f} className="og-field__help">
                  {f}
                </p>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
