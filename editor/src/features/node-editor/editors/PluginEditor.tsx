import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeEditor } from '../../../atoms/code-editor/CodeEditor.tsx';
import type { ContentEditorProps } from '../../../core/views/content-editor-props.ts';
import { SchemaForm } from '../form/SchemaForm.tsx';

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

/**
 * 插件: which plugin the node calls, with what; and a scratch pad that checks plugin code against
 * the SDK's types. Uploading plugins is the server's (its plugin API), not this node's.
 */
export function PluginEditor({ node, def }: ContentEditorProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState(TEMPLATE);
  return (
    <div className="og-plugin-editor">
      <SchemaForm schema={def.schema} value={node.content} />
      <h3 className="og-subtitle">{t('plugin.scratch')}</h3>
      <p className="og-field__help">{t('plugin.scratchHelp')}</p>
      <CodeEditor
        value={code}
        onChange={setCode}
        language="typescript"
        height={320}
        ariaLabel={t('plugin.scratch')}
      />
    </div>
  );
}
