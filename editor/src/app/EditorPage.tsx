import { useTranslation } from 'react-i18next';
import { StrategyCanvas } from '../features/canvas/StrategyCanvas.tsx';
import { NodePalette } from '../features/node-palette/NodePalette.tsx';
import { EditorToolbar } from '../features/toolbar/EditorToolbar.tsx';
import { ConflictDialog } from '../features/versions/ConflictDialog.tsx';
import { useEditorShortcuts } from '../hooks/useEditorShortcuts.ts';
import { useLiveValidation } from '../hooks/useLiveValidation.ts';
import { NodeKindUiContext } from '../hooks/useNodeKindUi.ts';
import { useStrategySession } from '../hooks/useStrategySession.ts';
import { useUnsavedWarning } from '../hooks/useUnsavedWarning.ts';
import { useDoc, useLoadState } from '../stores/document-store.ts';
import { NODE_KIND_UI } from './node-kind-ui.ts';
import { SidePanel } from './SidePanel.tsx';
import { StatusBar } from './StatusBar.tsx';

/** The editor: palette, canvas, side panel; the page wires the features, which never import each other. */
export function EditorPage({ clientId, strategyId }: { clientId: string; strategyId: string }) {
  const { t } = useTranslation();
  useStrategySession(clientId, strategyId);
  useLiveValidation();
  useEditorShortcuts();
  useUnsavedWarning();
  const doc = useDoc();
  const { loading, error } = useLoadState();
  if (error) return <p className="og-issue og-issue--error og-page-message">{error}</p>;
  if (loading || !doc) return <p className="og-muted og-page-message">{t('home.loading')}</p>;
  return (
    <NodeKindUiContext.Provider value={NODE_KIND_UI}>
      <div className="og-editor">
        <EditorToolbar />
        <div className="og-editor__body">
          <NodePalette />
          <StrategyCanvas />
          <SidePanel />
        </div>
        <StatusBar />
        <ConflictDialog />
      </div>
    </NodeKindUiContext.Provider>
  );
}
