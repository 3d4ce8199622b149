import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../atoms/Badge.tsx';
import { Button } from '../../atoms/Button.tsx';
import { moveNodes } from '../../core/document/operations.ts';
import { autoLayout } from '../../core/layout/auto-layout.ts';
import { useCanvasViewActions, useCanvasViewStore } from '../../stores/canvas-view-store.ts';
import { useMasterData } from '../../stores/client-store.ts';
import {
  useCanRedo,
  useCanUndo,
  useDirty,
  useDoc,
  useDocumentActions,
  useSaveState,
} from '../../stores/document-store.ts';
import { useRouteActions } from '../../stores/route-store.ts';
import { useIssueIndex } from '../../stores/validation-store.ts';
import { LeaveDialog } from './LeaveDialog.tsx';

/** Where you are, and what you can do to the whole strategy: undo, lay out, fit, save. */
export function EditorToolbar() {
  const { t } = useTranslation();
  const doc = useDoc();
  const client = useMasterData();
  const dirty = useDirty();
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const { saving, error } = useSaveState();
  const { edit, undo, redo, save } = useDocumentActions();
  const { requestFit } = useCanvasViewActions();
  const { navigate } = useRouteActions();
  const issues = useIssueIndex();
  const [leaving, setLeaving] = useState(false);
  const toClient = () => {
    setLeaving(false);
    if (doc) navigate({ page: 'client', clientId: doc.clientId });
  };
  const saveAndLeave = async () => {
    if (await save()) toClient();
    else setLeaving(false);
  };
  const layout = () => {
    if (!doc) return;
    const sizes = useCanvasViewStore.getState().sizes;
    const positions = autoLayout(doc.nodes, doc.edges, sizes);
    edit((current) => moveNodes(current, positions));
    requestFit();
  };
  return (
    <div className="og-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <nav className="og-breadcrumb" aria-label={t('toolbar.where')}>
        <button
          type="button"
          className="og-link"
          data-testid="breadcrumb-client"
          onClick={() => (dirty ? setLeaving(true) : toClient())}
        >
          {client?.name ?? doc?.clientId}
        </button>
        <span aria-hidden="true">›</span>
        <strong data-testid="strategy-name">{doc?.name}</strong>
        {doc ? <Badge tone="info">{t(`family.${doc.family}`)}</Badge> : null}
      </nav>
      <div className="og-toolbar__group">
        <Button
          small
          tone="ghost"
          onClick={undo}
          disabled={!canUndo}
          title={t('toolbar.undoKey')}
          data-testid="undo"
        >
          ↶ {t('toolbar.undo')}
        </Button>
        <Button
          small
          tone="ghost"
          onClick={redo}
          disabled={!canRedo}
          title={t('toolbar.redoKey')}
          data-testid="redo"
        >
          ↷ {t('toolbar.redo')}
        </Button>
        <Button small tone="ghost" onClick={layout} data-testid="auto-layout">
          ⊞ {t('toolbar.layout')}
        </Button>
        <Button small tone="ghost" onClick={requestFit} data-testid="fit-view">
          ⤢ {t('toolbar.fit')}
        </Button>
      </div>
      <div className="og-toolbar__group">
        {issues.errors ? (
          <Badge tone="error" title={t('toolbar.errorsTitle')}>
            {t('toolbar.errors', { count: issues.errors })}
          </Badge>
        ) : (
          <Badge tone="ok">{t('toolbar.valid')}</Badge>
        )}
        {error ? (
          <Badge tone="error" title={error}>
            {t('toolbar.saveFailed')}
          </Badge>
        ) : null}
        <Button
          tone={dirty ? 'primary' : 'default'}
          onClick={() => void save()}
          disabled={saving || !dirty}
          title={t('toolbar.saveKey')}
          data-testid="save"
        >
          {saving ? t('toolbar.saving') : dirty ? t('toolbar.save') : t('toolbar.saved')}
        </Button>
      </div>
      <LeaveDialog
        open={leaving}
        saving={saving}
        onStay={() => setLeaving(false)}
        onDiscard={toClient}
        onSave={() => void saveAndLeave()}
      />
    </div>
  );
}
