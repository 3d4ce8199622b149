import { useReactFlow } from '@xyflow/react';
import { type DragEvent, useCallback } from 'react';
import { createNode } from '../../core/document/node-factory.ts';
import { addNodes } from '../../core/document/operations.ts';
import { nodeKind } from '../../core/engine.ts';
import { KIND_MIME } from '../../core/graph/drag-kind.ts';
import { useDocumentActions, useDocumentStore } from '../../stores/document-store.ts';
import { useSelectionActions } from '../../stores/selection-store.ts';

/** A kind dropped from the palette becomes a node where it was dropped, selected for the inspector. */
export function usePaletteDrop() {
  const flow = useReactFlow();
  const { edit } = useDocumentActions();
  const { select } = useSelectionActions();

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_MIME);
      if (!kind || !nodeKind(kind)) return;
      event.preventDefault();
      const doc = useDocumentStore.getState().history?.present;
      if (!doc) return;
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The pointer holds the node by its header, not its corner.
      const taken = new Set(doc.nodes.map((n) => n.id));
      const node = createNode(kind, { x: at.x - 20, y: at.y - 16 }, taken, doc.family);
      edit((current) => addNodes(current, [node]));
      select([node.id]);
    },
    [edit, flow, select],
  );

  return { onDragOver, onDrop };
}
