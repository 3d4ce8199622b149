import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../atoms/Field.tsx';
import { TextInput } from '../../atoms/TextInput.tsx';
import { renameNode, setContentAt } from '../../core/document/operations.ts';
import { nodeKind } from '../../core/engine.ts';
import { issuesByContentPath } from '../../core/issues/issue-index.ts';
import { formatPath, type Path } from '../../core/paths/content-path.ts';
import { useLabel } from '../../hooks/useLabel.ts';
import { useNodeKindUi } from '../../hooks/useNodeKindUi.ts';
import { useDocNode, useDocumentActions } from '../../stores/document-store.ts';
import { useAllIssuesOfNode } from '../../stores/validation-store.ts';
import { deriveNodeId, prefetchPinyinFor } from './derive-node-id.ts';
import { FormContext, type FormContextValue } from './form/form-context.ts';
import { NodeIdField } from './NodeIdField.tsx';
import { NodeIssues } from './NodeIssues.tsx';

/** The selected node: what it is, its name, its issues, and the form for its content. */
export function NodeInspector({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const uiOf = useNodeKindUi();
  const node = useDocNode(nodeId);
  const issues = useAllIssuesOfNode(nodeId);
  const { edit, seal } = useDocumentActions();
  const byPath = useMemo(() => issuesByContentPath(issues), [issues]);
  const change = useCallback(
    (path: Path, value: unknown) =>
      // Typing in one field is one undo step; another field starts another.
      edit((doc) => setContentAt(doc, nodeId, path, value), `content:${nodeId}:${formatPath(path)}`),
    [edit, nodeId],
  );
  const def = node ? nodeKind(node.kind) : undefined;
  const context = useMemo<FormContextValue>(
    () => ({ hints: def?.fields, issues: byPath, change }),
    [def, byPath, change],
  );
  if (!node) return null;
  const { icon, tone, editor: Editor } = uiOf(node.kind);
  return (
    // Leaving a field ends its undo step; the blur bubbles here from every field of the form.
    // biome-ignore lint/a11y/noStaticElementInteractions: not an interaction, a focus boundary.
    <div className="og-inspector" data-testid="inspector" data-node-id={nodeId} onBlur={seal}>
      <header className="og-inspector__header">
        <span className={`og-inspector__icon og-tone--${tone}`} aria-hidden="true">
          {icon}
        </span>
        <div>
          <h2 className="og-inspector__kind">{def ? label(def.label) : node.kind}</h2>
          <p className="og-inspector__description">
            {def ? label(def.description) : t('canvas.unknownKind')}
          </p>
        </div>
      </header>
      <NodeIssues issues={issues} />
      <Field label={t('inspector.name')} help={t('inspector.nameHelp')}>
        {(id) => (
          <TextInput
            id={id}
            data-testid="node-name"
            value={node.name}
            placeholder={def ? label(def.label) : ''}
            onChange={(name) => {
              prefetchPinyinFor(name);
              edit((doc) => renameNode(doc, nodeId, name), `name:${nodeId}`);
            }}
            onBlur={() => deriveNodeId(nodeId)}
          />
        )}
      </Field>
      <NodeIdField nodeId={nodeId} />
      {def ? (
        <FormContext.Provider value={context}>
          <Editor node={node} def={def} />
        </FormContext.Provider>
      ) : null}
    </div>
  );
}
