import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Select } from '../../atoms/Select.tsx';
import { TextInput } from '../../atoms/TextInput.tsx';
import { useClientStore } from '../../stores/client-store.ts';
import { usePluginsPanelActions, usePluginsPanelStore } from './plugins-panel-store.ts';
import { pluginTemplate } from './template.ts';
import { useOpenPlugin } from './use-open-plugin.ts';
import { Workbench } from './Workbench.tsx';
import './plugins-panel.css';

const PLUGIN_ID = /^[a-z][A-Za-z0-9]{0,63}$/;
const DRAFT = 'draft';

/**
 * 插件: the client's plugins, installed and in the works. Open one (its draft, or an installed
 * version), write it in Monaco with the SDK's types, save the draft on the server, build it, test it
 * on an order, install it as a version that plugin nodes can then call.
 */
export function PluginsPanel() {
  const { t } = useTranslation();
  const clientId = useClientStore((s) => s.clientId);
  const installed = usePluginsPanelStore((s) => s.installed);
  const drafts = usePluginsPanelStore((s) => s.drafts);
  const listing = usePluginsPanelStore((s) => s.listing);
  const pluginId = usePluginsPanelStore((s) => s.pluginId);
  const origin = usePluginsPanelStore((s) => s.origin);
  const { load } = usePluginsPanelActions();
  const { open, create } = useOpenPlugin();
  const [newId, setNewId] = useState('');

  useEffect(() => {
    if (clientId) void load(clientId);
  }, [clientId, load]);

  if (!clientId) return <p className="og-muted">{t('pluginsPanel.nothingOpen')}</p>;
  const ids = [...new Set([...installed.map((p) => p.pluginId), ...drafts.map((d) => d.pluginId)])].sort();
  const label = (id: string) => {
    const plugin = installed.find((p) => p.pluginId === id);
    const parts = [
      plugin ? t('pluginsPanel.list.installed', { versions: plugin.versions.join(', ') }) : undefined,
      drafts.some((d) => d.pluginId === id) ? t('pluginsPanel.list.draft') : undefined,
    ].filter(Boolean);
    return `${id}${plugin ? ` · ${plugin.name}` : ''} (${parts.join(' · ')})`;
  };
  const versions = installed.find((p) => p.pluginId === pluginId)?.versions ?? [];
  const hasDraft = drafts.some((d) => d.pluginId === pluginId);
  const versionValue = origin.kind === 'version' ? origin.version : DRAFT;
  const newIdValid = PLUGIN_ID.test(newId) && !ids.includes(newId);
  return (
    <div className="og-plugins-panel" data-testid="plugins-panel">
      <h2 className="og-panel-title">{t('pluginsPanel.title')}</h2>
      <p className="og-field__help">{t('pluginsPanel.help')}</p>
      {listing.state === 'failed' ? (
        <p className="og-issue og-issue--error" role="alert">
          {listing.message}
        </p>
      ) : null}
      <div className="og-plugins-panel__pick">
        <label className="og-field__label" htmlFor="og-plugins-pick">
          {t('pluginsPanel.list.plugin')}
        </label>
        <Select
          id="og-plugins-pick"
          data-testid="plugins-pick"
          value={pluginId && ids.includes(pluginId) ? pluginId : ''}
          placeholder={t('pluginsPanel.list.choose')}
          options={ids.map((id) => ({ value: id, label: label(id) }))}
          onChange={(id) => id && open(clientId, id)}
        />
        {pluginId && (versions.length > 0 || hasDraft) ? (
          <>
            <label className="og-field__label" htmlFor="og-plugins-version">
              {t('pluginsPanel.list.source')}
            </label>
            <Select
              id="og-plugins-version"
              data-testid="plugins-version"
              value={versionValue}
              options={[
                ...(hasDraft || origin.kind !== 'version'
                  ? [{ value: DRAFT, label: t('pluginsPanel.list.draftSource') }]
                  : []),
                ...versions.map((v) => ({
                  value: v,
                  label: t('pluginsPanel.list.versionSource', { version: v }),
                })),
              ]}
              onChange={(v) => open(clientId, pluginId, v === DRAFT ? undefined : v)}
            />
          </>
        ) : null}
      </div>
      <div className="og-plugins-panel__new">
        <TextInput
          value={newId}
          onChange={setNewId}
          placeholder={t('pluginsPanel.newId')}
          aria-label={t('pluginsPanel.newId')}
          data-testid="plugins-new-id"
        />
        <Button
          onClick={() => {
            create(newId, pluginTemplate(newId));
            setNewId('');
          }}
          disabled={!newIdValid}
          data-testid="plugins-new"
        >
          {t('pluginsPanel.new')}
        </Button>
      </div>
      {newId !== '' && !newIdValid ? (
        <p className="og-field__issue og-field__issue--error">
          {t(ids.includes(newId) ? 'pluginsPanel.newIdTaken' : 'pluginsPanel.newIdInvalid')}
        </p>
      ) : null}
      {pluginId ? <Workbench /> : <p className="og-muted">{t('pluginsPanel.nothingOpen')}</p>}
    </div>
  );
}
