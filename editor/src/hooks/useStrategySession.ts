import { useEffect } from 'react';
import { useCanvasViewStore } from '../stores/canvas-view-store.ts';
import { useClientActions } from '../stores/client-store.ts';
import { useDocumentActions } from '../stores/document-store.ts';
import { useHighlightStore } from '../stores/highlight-store.ts';
import { useSelectionStore } from '../stores/selection-store.ts';
import { useSimulationStore } from '../stores/simulation-store.ts';
import { useTestRunStore } from '../stores/test-run-store.ts';
import { useValidationStore } from '../stores/validation-store.ts';
import { useVersionsStore } from '../stores/versions-store.ts';

/** Opening a strategy: its client's master data, its draft, and a clean slate in every other store. */
export function useStrategySession(clientId: string, strategyId: string): void {
  const { openClient } = useClientActions();
  const { load } = useDocumentActions();
  useEffect(() => {
    useSelectionStore.getState().actions.clear();
    useHighlightStore.getState().actions.clear();
    useValidationStore.getState().actions.reset();
    useCanvasViewStore.getState().actions.reset();
    useTestRunStore.getState().actions.reset();
    useVersionsStore.getState().actions.reset();
    useSimulationStore.getState().actions.reset();
    void openClient(clientId);
    void load(clientId, strategyId).then(() => useCanvasViewStore.getState().actions.requestFit());
  }, [clientId, strategyId, openClient, load]);
}
