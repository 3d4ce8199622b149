import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback } from 'react';
import { connect, moveNodes, removeElements } from '../../core/document/operations.ts';
import { changesToPatch, connectionToEdge } from '../../core/graph/flow-conversion.ts';
import { useCanvasViewActions } from '../../stores/canvas-view-store.ts';
import { useDocumentActions } from '../../stores/document-store.ts';
import { useSelectionActions } from '../../stores/selection-store.ts';

/** React Flow's events, turned into document edits, selection changes and measured sizes. */
export function useCanvasChanges() {
  const { edit, seal } = useDocumentActions();
  const selection = useSelectionActions();
  const view = useCanvasViewActions();

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const patch = changesToPatch(changes);
      view.setSizes(patch.sizes);
      if (patch.moves.size) {
        // All the frames of one drag are one undo step.
        edit((doc) => moveNodes(doc, patch.moves), `move:${[...patch.moves.keys()].join(',')}`);
        if (!patch.dragging) seal();
      }
      if (patch.removeNodes.length) edit((doc) => removeElements(doc, patch.removeNodes));
      if (patch.select.size) selection.apply(patch.select, new Map());
    },
    [edit, seal, selection, view],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const patch = changesToPatch([], changes);
      if (patch.removeEdges.length) edit((doc) => removeElements(doc, [], patch.removeEdges));
      if (patch.selectEdges.size) selection.apply(new Map(), patch.selectEdges);
    },
    [edit, selection],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const edge = connectionToEdge(connection);
      if (edge) edit((doc) => connect(doc, edge).doc);
    },
    [edit],
  );

  return { onNodesChange, onEdgesChange, onConnect, onNodeDragStop: seal };
}
