import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginTrialAnswer } from '../../infrastructure/api/plugin-api.ts';
import type { Call } from './plugins-panel-store.ts';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** What the plugin answered (or how it failed), what it was sent, and how long the call took. */
export function TrialResult({ call }: { call: Call<PluginTrialAnswer> }) {
  const { t } = useTranslation();
  const box = useShownWhenAnswered(call);
  if (call.state === 'idle' || call.state === 'busy') return null;
  if (call.state === 'failed') {
    return (
      <div
        ref={box}
        className="og-issue og-issue--error"
        role="alert"
        data-testid="plugin-trial-failed"
        data-code={call.code}
      >
        {t('pluginsPanel.trial.refused', { status: call.status, code: call.code })}
        <p>{call.message}</p>
      </div>
    );
  }
  const { answer } = call;
  return (
    <div ref={box} className="og-plugin-trial__result" data-testid="plugin-trial-result" data-ok={answer.ok}>
      {answer.ok ? (
        <p className="og-issue" role="status">
          {t('pluginsPanel.trial.ok', { plugin: answer.plugin, order: answer.orderId, ms: answer.wallMs })}
        </p>
      ) : (
        <div className="og-issue og-issue--error" role="alert" data-code={answer.error?.code}>
          <strong>
            {t(`pluginsPanel.fault.${answer.error?.code ?? 'plugin_error'}`, {
              defaultValue: answer.error?.code,
            })}
          </strong>{' '}
          <code>{answer.error?.code}</code>
          <p>{answer.error?.message}</p>
          <p className="og-muted">{t('pluginsPanel.trial.took', { ms: answer.wallMs })}</p>
        </div>
      )}
      {answer.ok ? (
        <>
          <h4 className="og-field__label">{t('pluginsPanel.trial.answer')}</h4>
          <pre className="og-plugin-json" data-testid="plugin-trial-value">
            {json(answer.value)}
          </pre>
        </>
      ) : null}
      <details>
        <summary>{t('pluginsPanel.trial.input')}</summary>
        <pre className="og-plugin-json">{json(answer.input)}</pre>
      </details>
    </div>
  );
}

/** The answer lands below the fold of a long panel: bring it into view when it comes. */
export function useShownWhenAnswered(call: { state: string }) {
  const box = useRef<HTMLDivElement & HTMLParagraphElement>(null);
  useEffect(() => {
    if (call.state === 'done' || call.state === 'failed') box.current?.scrollIntoView({ block: 'nearest' });
  }, [call]);
  return box;
}
