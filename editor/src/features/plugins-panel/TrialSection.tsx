import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Select } from '../../atoms/Select.tsx';
import { TextInput } from '../../atoms/TextInput.tsx';
import type { AdapterPlatform } from '../../core/engine.ts';
import type { PluginManifest } from '../../infrastructure/api/plugin-api.ts';
import { SAMPLE_ORDERS } from '../../infrastructure/samples/sample-orders.ts';
import { useDoc } from '../../stores/document-store.ts';
import { initialParams, inputFields, manifestInputs, paramProblems } from './inputs/manifest-form.ts';
import { PluginInputsForm } from './inputs/PluginInputsForm.tsx';
import { usePluginsPanelActions, usePluginsPanelStore } from './plugins-panel-store.ts';
import { TrialResult } from './TrialResult.tsx';

/** The order a test runs on: as the server gets it, raw, with the platform when the test case names it. */
function chosenOrder(
  choice: string,
  tests: readonly { order: unknown; platform?: string | undefined }[],
  pasted: string,
): { order: Record<string, unknown>; platform?: string } | { error: string } {
  if (choice.startsWith('test:')) {
    const test = tests[Number(choice.slice(5))];
    return test
      ? {
          order: test.order as Record<string, unknown>,
          ...(test.platform ? { platform: test.platform } : {}),
        }
      : { error: 'missing' };
  }
  if (choice.startsWith('sample:')) {
    const sample = SAMPLE_ORDERS.find((s) => s.name === choice.slice(7));
    return sample ? { order: sample.order as Record<string, unknown> } : { error: 'missing' };
  }
  try {
    const parsed: unknown = JSON.parse(pasted);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'notObject' };
    return { order: parsed as Record<string, unknown> };
  } catch {
    return { error: 'notJson' };
  }
}

/** The trial runs the source in the editor, not an installed version. */
const SOURCE = 'source';

/** 测试: run the built source on an order of the developer's choosing, with the inputs its manifest declares. */
export function TrialSection({ manifest }: { manifest: PluginManifest }) {
  const { t } = useTranslation();
  const doc = useDoc();
  const trial = usePluginsPanelStore((s) => s.trial);
  const { runTrial } = usePluginsPanelActions();
  const tests = doc?.tests ?? [];
  const [choice, setChoice] = useState(tests.length ? 'test:0' : `sample:${SAMPLE_ORDERS[0]?.name ?? ''}`);
  const [pasted, setPasted] = useState('');
  const fields = inputFields(manifestInputs(manifest));
  const [params, setParams] = useState(() => initialParams(fields));
  const [fact, setFact] = useState('buyerMessage');
  const [value, setValue] = useState('');
  const installedVersions = usePluginsPanelStore(
    (s) => s.installed.find((p) => p.pluginId === manifest.id)?.versions,
  );
  const [target, setTarget] = useState(SOURCE);
  const options = [
    ...tests.map((test, i) => ({ value: `test:${i}`, label: `${t('test.ownTest')}: ${test.name}` })),
    ...SAMPLE_ORDERS.map((s) => ({ value: `sample:${s.name}`, label: `${t('test.sample')}: ${s.name}` })),
    { value: 'paste', label: t('test.paste') },
  ];
  const order = chosenOrder(choice, tests, pasted);
  const incomplete = Object.keys(paramProblems(fields, params)).length > 0;
  const run = () => {
    if ('error' in order) return;
    const installed = target === SOURCE ? undefined : { pluginId: manifest.id, version: target };
    void runTrial(
      {
        order: order.order,
        ...(order.platform ? { platform: order.platform as AdapterPlatform } : {}),
        params: manifest.kind === 'operator' ? {} : params,
        ...(manifest.kind === 'operator' ? { operand: { fact, value } } : {}),
      },
      installed,
    );
  };
  return (
    <section className="og-plugin-trial" data-testid="plugin-trial">
      <h3 className="og-subtitle">
        {t('pluginsPanel.trial.title', { plugin: `${manifest.id}@${manifest.version}` })}
      </h3>
      {installedVersions?.length ? (
        <>
          <label className="og-field__label" htmlFor="og-plugin-trial-target">
            {t('pluginsPanel.trial.target')}
          </label>
          <Select
            id="og-plugin-trial-target"
            value={target}
            options={[
              { value: SOURCE, label: t('pluginsPanel.trial.targetSource') },
              ...installedVersions.map((v) => ({
                value: v,
                label: t('pluginsPanel.trial.targetVersion', { plugin: `${manifest.id}@${v}` }),
              })),
            ]}
            onChange={setTarget}
            data-testid="plugin-trial-target"
          />
        </>
      ) : null}
      <label className="og-field__label" htmlFor="og-plugin-trial-order">
        {t('test.order')}
      </label>
      <Select
        id="og-plugin-trial-order"
        value={choice}
        options={options}
        onChange={setChoice}
        data-testid="plugin-trial-order"
      />
      {choice === 'paste' ? (
        <textarea
          className="og-input og-textarea nodrag"
          rows={6}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          placeholder={t('test.pasteHere')}
          aria-label={t('test.paste')}
          data-testid="plugin-trial-paste"
        />
      ) : null}
      {'error' in order && choice === 'paste' && pasted !== '' ? (
        <p className="og-field__issue og-field__issue--error">{t(`pluginsPanel.trial.${order.error}`)}</p>
      ) : null}
      {manifest.kind === 'operator' ? (
        <div className="og-plugin-trial__operand">
          <label className="og-field__label" htmlFor="og-plugin-trial-fact">
            {t('pluginsPanel.trial.operandFact')}
          </label>
          <TextInput id="og-plugin-trial-fact" value={fact} onChange={setFact} />
          <label className="og-field__label" htmlFor="og-plugin-trial-value">
            {t('pluginsPanel.trial.operandValue')}
          </label>
          <TextInput id="og-plugin-trial-value" value={value} onChange={setValue} />
        </div>
      ) : (
        <>
          <h4 className="og-subtitle">{t('pluginsPanel.inputs.title')}</h4>
          <PluginInputsForm fields={fields} params={params} onChange={setParams} />
        </>
      )}
      <div className="og-test-panel__actions">
        <Button
          tone="primary"
          onClick={run}
          disabled={trial.state === 'busy' || 'error' in order || incomplete}
          data-testid="plugin-trial-run"
        >
          {trial.state === 'busy' ? t('pluginsPanel.trial.running') : t('pluginsPanel.trial.run')}
        </Button>
        {incomplete ? <span className="og-muted">{t('pluginsPanel.trial.fillInputs')}</span> : null}
      </div>
      <TrialResult call={trial} />
    </section>
  );
}
