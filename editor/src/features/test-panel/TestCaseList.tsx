import { useTranslation } from 'react-i18next';
import { Badge } from '../../atoms/Badge.tsx';
import { Button } from '../../atoms/Button.tsx';
import type { ExpectDiff } from '../../core/engine.ts';
import { useDoc } from '../../stores/document-store.ts';
import { useOwnTests } from '../../stores/test-run-store.ts';
import { useTestRunner } from './use-test-runner.ts';

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/** Expected against actual, one row per field that differs. */
function DiffTable({ diffs }: { diffs: readonly ExpectDiff[] }) {
  const { t } = useTranslation();
  return (
    <table className="og-test-diff" data-testid="test-diff">
      <thead>
        <tr>
          <th>{t('test.diffField')}</th>
          <th>{t('test.diffExpected')}</th>
          <th>{t('test.diffActual')}</th>
        </tr>
      </thead>
      <tbody>
        {diffs.map((d) => (
          <tr key={d.field}>
            <td>{d.field}</td>
            <td className="og-test-diff__expected">{show(d.expected)}</td>
            <td className="og-test-diff__actual">{show(d.actual)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 测试用例: the strategy's own tests, run all at once through the draft alone, as `ordergraph test` runs them. */
export function TestCaseList() {
  const { t } = useTranslation();
  const doc = useDoc();
  const outcomes = useOwnTests();
  const runner = useTestRunner();
  const count = doc?.tests.length ?? 0;
  const passed = outcomes?.filter((o) => o.passed).length ?? 0;
  return (
    <section data-testid="test-cases">
      <h3 className="og-subtitle">{t('test.ownTests', { count })}</h3>
      <Button onClick={() => void runner.runOwnTests()} disabled={count === 0} data-testid="run-test-cases">
        {t('test.runOwnTests')}
      </Button>
      {outcomes ? (
        <>
          <p className="og-muted" data-testid="test-cases-summary">
            {t('test.casesSummary', { passed, total: outcomes.length })}
          </p>
          <ul className="og-own-tests">
            {outcomes.map((outcome) => (
              <li key={outcome.name} data-testid="test-case" data-passed={outcome.passed}>
                <Badge tone={outcome.passed ? 'ok' : 'error'}>
                  {outcome.passed ? t('test.passed') : t('test.failed')}
                </Badge>{' '}
                {outcome.name}
                {outcome.diffs.length > 0 ? (
                  <DiffTable diffs={outcome.diffs} />
                ) : (
                  outcome.failures.map((f) => (
                    <p key={f} className="og-field__help">
                      {f}
                    </p>
                  ))
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
