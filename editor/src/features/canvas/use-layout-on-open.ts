import { useCallback, useEffect, useRef, useState } from 'react';
import { moveNodes } from '../../core/document/operations.ts';
import type { Strategy } from '../../core/engine.ts';
import { autoLayout } from '../../core/layout/auto-layout.ts';
import { overlappingPairs } from '../../core/layout/overlaps.ts';
import { useCanvasViewStore, useNodeSizes } from '../../stores/canvas-view-store.ts';
import { useDocumentStore } from '../../stores/document-store.ts';

/** Nodes React Flow does not render (off screen in a big graph) are never measured: lay out without them after this. */
const MEASURE_WAIT_MS = 1500;

/**
 * A strategy opened with a saved layout whose nodes cover each other (one imported from a file
 * written by hand or by another tool) is laid out again once React Flow has measured its nodes,
 * as an ordinary edit: the draft shows unsaved, and undo brings the saved layout back. Returns
 * how many pairs overlapped, for a notice the consultant can dismiss.
 */
export function useLayoutOnOpen(): { pairs: number; dismiss(): void } {
  const saved = useDocumentStore((s) => s.saved);
  const sizes = useNodeSizes();
  const [laidOut, setLaidOut] = useState(0);
  const checked = useRef<Strategy | undefined>(undefined);
  const pending = useRef<{ doc: Strategy; pairs: number; since: number } | undefined>(undefined);

  useEffect(() => {
    // Once per saved document: after a save `saved` changes too, and that layout is the consultant's.
    if (checked.current !== saved) {
      checked.current = saved;
      pending.current = undefined;
      setLaidOut(0);
      const { history } = useDocumentStore.getState();
      if (!saved || history?.present !== saved || history.past.length > 0) return;
      const pairs = overlappingPairs(saved.nodes);
      if (pairs > 0) pending.current = { doc: saved, pairs, since: Date.now() };
    }
    const waiting = pending.current;
    if (!waiting) return;
    const apply = () => {
      const { history, actions } = useDocumentStore.getState();
      pending.current = undefined;
      // The consultant edited before the nodes were measured: their layout, left alone.
      if (history?.present !== waiting.doc) return;
      const measured = useCanvasViewStore.getState().sizes;
      actions.edit((current) => moveNodes(current, autoLayout(current.nodes, current.edges, measured)));
      useCanvasViewStore.getState().actions.requestFit();
      setLaidOut(waiting.pairs);
    };
    if (waiting.doc.nodes.every((n) => sizes.has(n.id))) {
      apply();
      return;
    }
    const timer = setTimeout(apply, Math.max(0, waiting.since + MEASURE_WAIT_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [saved, sizes]);
  const dismiss = useCallback(() => setLaidOut(0), []);
  return { pairs: laidOut, dismiss };
}
