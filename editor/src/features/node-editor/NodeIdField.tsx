import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../atoms/TextInput.tsx';
import { renameNodeId } from '../../core/document/operations.ts';
import { settle } from '../../core/ids/provisional-ids.ts';
import { VALID_ID } from '../../core/ids/readable-id.ts';
import { useDocumentActions, useDocumentStore } from '../../stores/document-store.ts';
import { useSelectionActions } from '../../stores/selection-store.ts';

/** The node's id, editable: changed on leaving the field, its edges following; refused if taken or malformed. */
export function NodeIdField({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const { edit } = useDocumentActions();
  const { select } = useSelectionActions();
  const [text, setText] = useState(nodeId);
  const [error, setError] = useState<string>();
  useEffect(() => setText(nodeId), [nodeId]);
  const commit = () => {
    const to = text.trim();
    if (to === nodeId) return setError(undefined);
    const doc = useDocumentStore.getState().history?.present;
    if (!VALID_ID.test(to)) return setError(t('inspector.idInvalid'));
    if (!doc || !renameNodeId(doc, nodeId, to)) return setError(t('inspector.idTaken', { id: to }));
    setError(undefined);
    edit((current) => renameNodeId(current, nodeId, to) ?? current);
    select([to]);
  };
  return (
    <div className="og-inspector__id">
      <label htmlFor="og-node-id">{t('inspector.id')}</label>{' '}
      <TextInput
        id="og-node-id"
        className="og-inspector__id-input"
        value={text}
        onChange={(typed) => {
          // The consultant's id from the first key: pinyin arriving later must not replace it.
          settle(nodeId);
          setText(typed);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
        data-testid="node-id"
      />
      {error ? <p className="og-field__issue og-field__issue--error">{error}</p> : null}
    </div>
  );
}
