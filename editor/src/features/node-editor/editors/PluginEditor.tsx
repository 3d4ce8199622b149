import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { CodeEditor } from '../../../atoms/code-editor/CodeEditor.tsx';
import type { ContentEditorProps } from '../../../core/views/content-editor-props.ts';
import { ApiFailure } from '../../../infrastructure/api/api-error.ts';
import { getPluginVersion, listPlugins, publishPlugin } from '../../../infrastructure/api/ordergraph-api.ts';
import { useClientStore } from '../../../stores/client-store.ts';
import { PluginNodePicker } from './PluginNodePicker.tsx';

/** What a plugin author starts from; the SDK's declarations give it IntelliSense and type errors inline. */
const TEMPLATE = `import { definePlugin } from '@ordergraph/plugin-sdk';

export default definePlugin({
  manifest: {
    kind: 'fact',
    id: 'myPlugin',
    version: '1.0.0',
    name: 'My plugin',
    reads: ['receiver.address'],
    inputs: {},
    outputs: { score: { type: 'number' } },
  },
  run(order) {
    // The order holds only what "reads" names, and a platform may leave any of it out.
    return { score: order.receiver?.address?.length ?? 0 };
  },
});
`;

type Status =
  | { kind: 'idle' }
  | { kind: 'loaded'; plugin: string }
  | { kind: 'publishing' }
  | { kind: 'published'; plugin: string; created: boolean }
  | { kind: 'failed'; message: string; issues: string[] };

/** What the node calls, if it names a build: `addressRisk@1.0.0`. */
function calledBuild(content: unknown): { pluginId: string; version: string } | undefined {
  const { pluginId, version } = (content ?? {}) as { pluginId?: unknown; version?: unknown };
  return typeof pluginId === 'string' && pluginId && typeof version === 'string' && version
    ? { pluginId, version }
    : undefined;
}

/** The build issues the server named (`plugin.ts:12:5: …`), for the developer to find in the code. */
function issuesOf(error: ApiFailure): string[] {
  const issues = error.details.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue) => {
    const at = (issue as { at?: unknown }).at;
    return typeof at === 'string' ? [at] : [];
  });
}

/**
 * 插件: which installed plugin and version the node calls, with the params its manifest declares; the
 * code of the build it calls when the server has it (else a template), checked against the SDK's
 * types; and "publish", which uploads the code to the server's plugin registry for the open client.
 */
export function PluginEditor({ node }: ContentEditorProps) {
  const { t } = useTranslation();
  const clientId = useClientStore((s) => s.clientId);
  const [code, setCode] = useState(TEMPLATE);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const build = calledBuild(node.content);
  const pluginId = build?.pluginId;
  const version = build?.version;

  useEffect(() => {
    if (!clientId || !pluginId || !version) return;
    let current = true;
    // Only a build the list names is fetched: one not installed (yet) keeps the template, or what is being written.
    listPlugins(clientId)
      .then(async (plugins) => {
        if (!plugins.some((p) => p.pluginId === pluginId && p.versions.includes(version))) return;
        const installed = await getPluginVersion(clientId, pluginId, version);
        if (!current) return;
        setCode(installed.source);
        setStatus({ kind: 'loaded', plugin: `${pluginId}@${version}` });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [clientId, pluginId, version]);

  const publish = async () => {
    if (!clientId) return;
    setStatus({ kind: 'publishing' });
    try {
      const answer = await publishPlugin(clientId, code);
      setStatus({
        kind: 'published',
        plugin: `${answer.pluginId}@${answer.version}`,
        created: answer.created,
      });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setStatus({ kind: 'failed', message: error.message, issues: issuesOf(error) });
    }
  };

  return (
    <div className="og-plugin-editor">
      <PluginNodePicker
        clientId={clientId}
        content={(node.content ?? {}) as Parameters<typeof PluginNodePicker>[0]['content']}
        refresh={status.kind === 'published' ? status.plugin : ''}
      />
      <h3 className="og-subtitle">{t('plugin.scratch')}</h3>
      <p className="og-field__help">{t('plugin.scratchHelp')}</p>
      {status.kind === 'loaded' ? (
        <p className="og-field__help" data-testid="plugin-source-loaded">
          {t('plugin.installedSource', { plugin: status.plugin })}
        </p>
      ) : null}
      <CodeEditor
        value={code}
        onChange={setCode}
        language="typescript"
        height={320}
        ariaLabel={t('plugin.scratch')}
      />
      <div className="og-test-panel__actions">
        <Button
          tone="primary"
          onClick={() => void publish()}
          disabled={!clientId || status.kind === 'publishing'}
          data-testid="publish-plugin"
        >
          {status.kind === 'publishing' ? t('plugin.publishing') : t('plugin.publish')}
        </Button>
      </div>
      {status.kind === 'published' ? (
        <p className="og-issue" data-testid="plugin-published" role="status">
          {t(status.created ? 'plugin.published' : 'plugin.unchanged', { plugin: status.plugin })}
        </p>
      ) : null}
      {status.kind === 'failed' ? (
        <div className="og-issue og-issue--error" data-testid="plugin-publish-failed" role="alert">
          {t('plugin.publishFailed', { message: status.issues.length > 0 ? '' : status.message })}
          {status.issues.length > 0 ? (
            <ul>
              {status.issues.map((issue) => (
                <li key={issue}>
                  <code>{issue}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
