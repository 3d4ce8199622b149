import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Select } from '../../atoms/Select.tsx';
import { useDoc } from '../../stores/document-store.ts';
import { useHighlightActions } from '../../stores/highlight-store.ts';
import { useTestRun, useTestRunActions, useTestRunning, useTestScope } from '../../stores/test-run-store.ts';
import { ChangeComparison } from './ChangeComparison.tsx';
import { DecisionView } from './DecisionView.tsx';
import { ExplanationList } from './ExplanationList.tsx';
import { OrderPicker } from './OrderPicker.tsx';
import { SaveTestCase } from './SaveTestCase.tsx';
import { TestCaseList } from './TestCaseList.tsx';
import { TraceList } from './TraceList.tsx';
import { useTestRunner } from './use-test-runner.ts';
import { WhyNotView } from './WhyNotView.tsx';

/** Try the draft on an order: the decision and why, the rules that fired, the path lit on the canvas, and the test cases. */
export function TestPanel() {
  const { t } = useTranslation();
  const doc = useDoc();
  const run = useTestRun();
  const running = useTestRunning();
  const scope = useTestScope();
  const { setScope } = useTestRunActions();
  const { clear } = useHighlightActions();
  const runner = useTestRunner();
  return (
    <div className="og-test-panel" data-testid="test-panel">
      <h2 className="og-panel-title">{t('test.title')}</h2>
      <ChangeComparison onRerun={() => void runner.run()} />
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
          <p className="og-muted" data-testid="test-ran">
            {t('test.ranIn', { ms: run.ms.toFixed(1), platform: t(`platform.${run.platform}`) })}
            {' · '}
            {t('test.litNodes', { count: run.lit.nodeIds.size })}
          </p>
          <DecisionView decision={run.decision} />
          <ExplanationList explanations={run.explanations} />
          <WhyNotView run={run} />
          <SaveTestCase order={run.order} />
          <h3 className="og-subtitle">{t('test.trace')}</h3>
          <TraceList trace={run.decision.trace ?? []} strategyId={doc?.id ?? ''} />
        </>
      ) : null}
      <TestCaseList />
    </div>
  );
}
