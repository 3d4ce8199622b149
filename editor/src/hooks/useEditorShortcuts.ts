import { useEffect } from 'react';
import { copyNodes, pasteNodes } from '../core/document/clipboard.ts';
import { addNodes } from '../core/document/operations.ts';
import { useClipboardStore } from '../stores/clipboard-store.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useSelectionStore } from '../stores/selection-store.ts';

/** Typing in a field keeps the browser's own undo, copy and paste; shortcuts act on the canvas otherwise. */
function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return (
    element.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) ||
    !!element.closest('.monaco-editor')
  );
}

/**
 * Ctrl/⌘+S saves anywhere; Ctrl+Z, Ctrl+Y (Ctrl+Shift+Z), Ctrl+C, Ctrl+V and Ctrl+A work on the
 * canvas. Delete and Backspace are React Flow's own (they remove the selection).
 */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const doc = useDocumentStore.getState();
      if (key === 's') {
        event.preventDefault();
        void doc.actions.save();
        return;
      }
      if (typing(event.target) || !doc.history) return;
      const selection = useSelectionStore.getState();
      const clipboard = useClipboardStore.getState();
      if (key === 'z' && !event.shiftKey) doc.actions.undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) doc.actions.redo();
      else if (key === 'c' && selection.nodeIds.size)
        clipboard.actions.copy(copyNodes(doc.history.present, selection.nodeIds));
      else if (key === 'v' && clipboard.clip) {
        const step = 40 * clipboard.actions.pasted();
        const pasted = pasteNodes(doc.history.present, clipboard.clip, { x: step, y: step });
        doc.actions.edit((current) => addNodes(current, pasted.nodes, pasted.edges));
        selection.actions.select(pasted.nodes.map((n) => n.id));
      } else if (key === 'a') selection.actions.select(doc.history.present.nodes.map((n) => n.id));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
