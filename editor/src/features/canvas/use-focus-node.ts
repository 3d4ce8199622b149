import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useCanvasViewStore, useFitRequest } from '../../stores/canvas-view-store.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { useFocusRequest } from '../../stores/selection-store.ts';
import { FIT_VIEW } from './fit-padding.ts';

/** Brings a node into view when the issue list or the rule preview asks; fits the view on request. */
export function useFocusNode(): void {
  const flow = useReactFlow();
  const focus = useFocusRequest();
  const fit = useFitRequest();
  useEffect(() => {
    if (!focus) return;
    const node = useDocumentStore.getState().history?.present.nodes.find((n) => n.id === focus.nodeId);
    if (!node) return;
    const size = useCanvasViewStore.getState().sizes.get(node.id) ?? { width: 220, height: 90 };
    void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
      zoom: Math.max(flow.getZoom(), 1),
      duration: 300,
    });
  }, [focus, flow]);
  useEffect(() => {
    if (fit === 0) return;
    // After the nodes of a new document are measured.
    const timer = setTimeout(() => void flow.fitView({ ...FIT_VIEW, duration: 200 }), 60);
    return () => clearTimeout(timer);
  }, [fit, flow]);
}
