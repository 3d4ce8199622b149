import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { Checkbox } from '../../../atoms/Checkbox.tsx';
import { Field } from '../../../atoms/Field.tsx';
import { Select } from '../../../atoms/Select.tsx';
import { TextInput } from '../../../atoms/TextInput.tsx';
import {
  type InstalledPlugin,
  listInstalledPlugins,
  listPluginVersions,
  type PluginManifest,
} from '../../../infrastructure/api/plugin-api.ts';
import { useUiActions } from '../../../stores/ui-store.ts';
import {
  initialParams,
  inputFields,
  installState,
  manifestInputs,
} from '../../plugins-panel/inputs/manifest-form.ts';
import { PluginInputsForm } from '../../plugins-panel/inputs/PluginInputsForm.tsx';
import { useOpenPlugin } from '../../plugins-panel/use-open-plugin.ts';
import { useFormContext } from '../form/form-context.ts';
import { useFieldIssues } from '../form/use-field-issues.ts';

interface PluginNodeContent {
  pluginKind?: string;
  pluginId?: string;
  version?: string;
  params?: Record<string, unknown>;
  provides?: string[];
  fact?: string;
  value?: unknown;
}

/** A version's manifest, fetched once per plugin and kept while the inspector is open. */
function useManifests(clientId: string | undefined, pluginId: string | undefined, installedKey: string) {
  const [manifests, setManifests] = useState<Record<string, PluginManifest>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: a newly installed version has a manifest to fetch
  useEffect(() => {
    if (!clientId || !pluginId) return;
    let current = true;
    listPluginVersions(clientId, pluginId)
      .then((versions) => {
        if (current) setManifests(Object.fromEntries(versions.map((v) => [v.version, v.manifest])));
      })
      .catch(() => {
        if (current) setManifests({});
      });
    return () => {
      current = false;
    };
  }, [clientId, pluginId, installedKey]);
  return manifests;
}

const newestFirst = (versions: readonly string[]) => [...versions].reverse();

/**
 * Which installed plugin and version the node calls, and with what: the choices are the client's
 * installed builds (a version that is not installed is flagged), and the params form, the facts a
 * fact plugin provides and an operator's value follow the chosen version's manifest.
 */
export function PluginNodePicker({
  clientId,
  content,
  refresh,
}: {
  clientId: string | undefined;
  content: PluginNodeContent;
  /** Changes when a build may have been installed from elsewhere (the code pane below). */
  refresh: string;
}) {
  const { t } = useTranslation();
  const { change } = useFormContext();
  const { showTab } = useUiActions();
  const { open } = useOpenPlugin();
  const [installed, setInstalled] = useState<InstalledPlugin[] | undefined>(undefined);
  const versionIssues = useFieldIssues(['version']);
  const pluginId = content.pluginId ?? '';
  const version = content.version ?? '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` says a build may have been installed
  useEffect(() => {
    if (!clientId) return;
    let current = true;
    listInstalledPlugins(clientId)
      .then((list) => current && setInstalled(list))
      .catch(() => current && setInstalled([]));
    return () => {
      current = false;
    };
  }, [clientId, refresh]);

  const plugin = installed?.find((p) => p.pluginId === pluginId);
  // Only an installed plugin has versions to fetch: asking for another would be a 404.
  const manifests = useManifests(clientId, plugin?.pluginId, JSON.stringify(plugin?.versions ?? []));
  const manifest = manifests[version];
  const state = installed ? installState(installed, pluginId, version) : undefined;

  /** A whole new content for the chosen build: its kind, its inputs' params, every output it provides. */
  const choose = async (id: string, chosenVersion?: string) => {
    if (!clientId) return;
    const versions = await listPluginVersions(clientId, id);
    const chosen = versions.find((v) => v.version === chosenVersion) ?? versions.at(-1);
    if (!chosen) return;
    const m = chosen.manifest;
    const params = initialParams(inputFields(manifestInputs(m)), content.params);
    if (m.kind === 'fact') {
      change([], {
        pluginKind: 'fact',
        pluginId: id,
        version: chosen.version,
        params,
        provides: Object.keys(m.outputs),
      });
    } else if (m.kind === 'action') {
      change([], { pluginKind: 'action', pluginId: id, version: chosen.version, params });
    } else {
      change([], {
        pluginKind: 'operator',
        pluginId: id,
        version: chosen.version,
        fact: content.fact ?? '',
        value: content.value ?? '',
      });
    }
  };

  const pluginOptions = (installed ?? []).map((p) => ({
    value: p.pluginId,
    label: `${p.pluginId} · ${p.name} (${t(`pluginsPanel.kind.${p.kind}`)})`,
  }));
  const versionOptions = newestFirst(plugin?.versions ?? []).map((v) => ({ value: v, label: v }));
  return (
    <div className="og-plugin-node" data-testid="plugin-node-picker" data-install-state={state}>
      <Field label={t('pluginsPanel.node.plugin')} help={t('pluginsPanel.node.pluginHelp')}>
        {(id) => (
          <Select
            id={id}
            data-testid="plugin-node-id"
            value={pluginId}
            options={pluginOptions}
            placeholder={t('pluginsPanel.node.choosePlugin')}
            onChange={(next) => next && void choose(next)}
          />
        )}
      </Field>
      <Field label={t('pluginsPanel.node.version')} issues={versionIssues}>
        {(id) => (
          <Select
            id={id}
            data-testid="plugin-node-version"
            value={version}
            options={versionOptions}
            onChange={(next) => void choose(pluginId, next)}
          />
        )}
      </Field>
      {state && state !== 'installed' ? (
        <p
          className="og-issue og-issue--error og-plugin-node__state"
          role="alert"
          data-testid="plugin-node-missing"
        >
          {state === 'pluginMissing'
            ? t('pluginsPanel.node.pluginMissing', { plugin: pluginId || '—' })
            : t('pluginsPanel.node.versionMissing', {
                plugin: `${pluginId}@${version}`,
                versions: plugin?.versions.join(', ') ?? '',
              })}
        </p>
      ) : null}
      {manifest && manifest.kind !== content.pluginKind ? (
        <p className="og-issue og-issue--error" role="alert">
          {t('pluginsPanel.node.kindMismatch', { kind: t(`pluginsPanel.kind.${manifest.kind}`) })}
        </p>
      ) : null}
      {manifest ? <ManifestFields manifest={manifest} content={content} /> : null}
      {pluginId && clientId ? (
        <Button
          small
          data-testid="plugin-node-open-panel"
          onClick={() => {
            open(clientId, pluginId, state === 'installed' ? version : undefined);
            showTab('plugins');
          }}
        >
          {t('pluginsPanel.node.openInPanel')}
        </Button>
      ) : null}
    </div>
  );
}

/** The parts of the node its manifest shapes: a fact plugin's provided fields, the params, an operator's operands. */
function ManifestFields({ manifest, content }: { manifest: PluginManifest; content: PluginNodeContent }) {
  const { t } = useTranslation();
  const { change } = useFormContext();
  if (manifest.kind === 'operator') {
    const valueFields = inputFields({ value: manifest.inputs.value });
    return (
      <>
        <Field label={t('pluginsPanel.trial.operandFact')}>
          {(id) => (
            <TextInput id={id} value={content.fact ?? ''} onChange={(next) => change(['fact'], next)} />
          )}
        </Field>
        <PluginInputsForm
          fields={valueFields}
          params={content.value === undefined ? {} : { value: content.value }}
          onChange={(next) => change(['value'], next.value)}
        />
      </>
    );
  }
  const fields = inputFields(manifest.inputs);
  const provides = content.provides ?? [];
  return (
    <>
      {manifest.kind === 'fact' ? (
        <fieldset className="og-plugin-node__provides" data-testid="plugin-node-provides">
          <legend className="og-field__label">{t('pluginsPanel.node.provides')}</legend>
          {Object.entries(manifest.outputs).map(([name, spec]) => (
            <Checkbox
              key={name}
              checked={provides.includes(name)}
              label={`${name} (${spec.type})`}
              onChange={(on) =>
                change(['provides'], on ? [...provides, name] : provides.filter((p) => p !== name))
              }
            />
          ))}
          {provides
            .filter((p) => !Object.hasOwn(manifest.outputs, p))
            .map((p) => (
              <p key={p} className="og-field__issue og-field__issue--error">
                {t('pluginsPanel.node.unknownOutput', { field: p })}
              </p>
            ))}
        </fieldset>
      ) : null}
      <h4 className="og-subtitle">{t('pluginsPanel.inputs.title')}</h4>
      <PluginInputsForm
        fields={fields}
        params={content.params ?? {}}
        onChange={(next) => change(['params'], next)}
      />
    </>
  );
}
