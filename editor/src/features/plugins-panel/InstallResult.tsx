import { useTranslation } from 'react-i18next';
import type { PluginCreatedAnswer } from '../../infrastructure/api/api-types.ts';
import type { Call } from './plugins-panel-store.ts';
import { useShownWhenAnswered } from './TrialResult.tsx';

/** The install's outcome in words: a new version, the same source again, a taken version (409), a build that fails (422). */
export function InstallResult({ call }: { call: Call<PluginCreatedAnswer> }) {
  const { t } = useTranslation();
  const box = useShownWhenAnswered(call);
  if (call.state === 'idle' || call.state === 'busy') return null;
  if (call.state === 'done') {
    const plugin = `${call.answer.pluginId}@${call.answer.version}`;
    return (
      <p
        ref={box}
        className="og-issue"
        role="status"
        data-testid="plugin-installed"
        data-created={call.answer.created}
      >
        {t(call.answer.created ? 'pluginsPanel.install.created' : 'pluginsPanel.install.unchanged', {
          plugin,
        })}
      </p>
    );
  }
  const key =
    call.status === 409
      ? 'pluginsPanel.install.conflict'
      : call.status === 422
        ? 'pluginsPanel.install.invalid'
        : 'pluginsPanel.install.failed';
  return (
    <div
      ref={box}
      className="og-issue og-issue--error"
      role="alert"
      data-testid="plugin-install-failed"
      data-status={call.status}
    >
      <strong>{t(key)}</strong>
      <p>{call.message}</p>
    </div>
  );
}
