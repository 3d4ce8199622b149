import { useEffect } from 'react';
import { useDoc } from '../../stores/document-store.ts';
import { useSelectionActions } from '../../stores/selection-store.ts';

/**
 * Keeps the selection to what the document holds. A node deleted with Delete (or taken away by
 * undo) stayed selected, so the next click selected two nodes and the inspector, which shows
 * exactly one, stayed empty.
 */
export function useSelectionPruning(): void {
  const doc = useDoc();
  const { retain } = useSelectionActions();
  useEffect(() => {
    if (!doc) return;
    retain(new Set(doc.nodes.map((n) => n.id)), new Set(doc.edges.map((e) => e.id)));
  }, [doc, retain]);
}
