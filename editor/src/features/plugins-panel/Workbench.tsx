import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { buildMarkers } from './build-markers.ts';
import { InstallResult } from './InstallResult.tsx';
import { ProblemsList } from './ProblemsList.tsx';
import { usePluginsPanelActions, usePluginsPanelStore } from './plugins-panel-store.ts';
import { PluginSource } from './source/PluginSource.tsx';
import { TrialSection } from './TrialSection.tsx';

const NONE: never[] = [];

/** One plugin's source: save it as a draft, build it (problems as markers), test it on an order, install it. */
export function Workbench() {
  const { t } = useTranslation();
  const s = usePluginsPanelStore();
  const { edit, saveDraft, checkBuild, install } = usePluginsPanelActions();
  const [reveal, setReveal] = useState<{ line: number; column: number } | undefined>(undefined);
  const check = s.check.state === 'done' ? s.check.answer : undefined;
  // A refused install names its build problems too; the latest of the two is what the source shows.
  const installIssues = s.install.state === 'failed' ? s.install.issues : NONE;
  const issues = installIssues.length > 0 ? installIssues : (check?.issues ?? NONE);
  const warnings = installIssues.length > 0 ? NONE : (check?.warnings ?? NONE);
  const markers = useMemo(
    () => buildMarkers(s.checkedSource ?? s.source, issues, warnings),
    [s.checkedSource, s.source, issues, warnings],
  );
  const dirty = s.source !== s.savedSource;
  const manifest = check?.ok && s.checkedSource === s.source ? check.manifest : undefined;
  const origin =
    s.origin.kind === 'draft'
      ? t('pluginsPanel.origin.draft', { revision: s.origin.revision })
      : s.origin.kind === 'version'
        ? t('pluginsPanel.origin.version', { version: s.origin.version })
        : t('pluginsPanel.origin.new');
  return (
    <div className="og-plugin-workbench" data-testid="plugin-workbench" data-plugin-id={s.pluginId}>
      <div className="og-plugin-workbench__head">
        <strong>{s.pluginId}</strong>
        <span className="og-muted" data-testid="plugin-origin">
          {origin}
          {dirty ? ` · ${t('pluginsPanel.unsaved')}` : ''}
        </span>
      </div>
      <div className="og-test-panel__actions">
        <Button
          onClick={() => void saveDraft()}
          disabled={s.save.state === 'busy' || !dirty}
          data-testid="plugin-save-draft"
        >
          {s.save.state === 'busy' ? t('pluginsPanel.saving') : t('pluginsPanel.saveDraft')}
        </Button>
        <Button
          onClick={() => void checkBuild()}
          disabled={s.check.state === 'busy'}
          data-testid="plugin-build"
        >
          {s.check.state === 'busy' ? t('pluginsPanel.building') : t('pluginsPanel.build')}
        </Button>
        <Button
          tone="primary"
          onClick={() => void install()}
          disabled={s.install.state === 'busy'}
          data-testid="plugin-install"
        >
          {s.install.state === 'busy' ? t('pluginsPanel.installing') : t('pluginsPanel.install.button')}
        </Button>
      </div>
      {s.save.state === 'failed' ? (
        <p className="og-issue og-issue--error" role="alert" data-testid="plugin-save-failed">
          {t('pluginsPanel.saveFailed', { message: s.save.message })}
        </p>
      ) : null}
      <PluginSource
        value={s.source}
        onChange={edit}
        markers={markers}
        reveal={reveal}
        ariaLabel={t('pluginsPanel.source')}
        height={380}
      />
      {s.check.state === 'failed' ? (
        <p className="og-issue og-issue--error" role="alert">
          {s.check.message}
        </p>
      ) : null}
      {check?.ok && s.checkedSource === s.source ? (
        <p className="og-issue" role="status" data-testid="plugin-build-ok" data-installed={check.installed}>
          {t(`pluginsPanel.built.${check.installed ?? 'none'}`, {
            plugin: `${check.manifest?.id}@${check.manifest?.version}`,
          })}
        </p>
      ) : null}
      <ProblemsList
        issues={issues}
        warnings={warnings}
        stale={s.checkedSource !== undefined && s.checkedSource !== s.source}
        onReveal={(at) => setReveal({ ...at })}
      />
      <InstallResult call={s.install} />
      {manifest ? (
        <TrialSection
          key={`${manifest.id}@${manifest.version}:${JSON.stringify(manifest.kind === 'operator' ? {} : manifest.inputs)}`}
          manifest={manifest}
        />
      ) : (
        <p className="og-muted" data-testid="plugin-trial-needs-build">
          {t('pluginsPanel.trial.needsBuild')}
        </p>
      )}
    </div>
  );
}
