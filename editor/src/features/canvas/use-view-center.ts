import { useReactFlow } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';
import { useCanvasViewActions } from '../../stores/canvas-view-store.ts';

/**
 * Tells the palette where the visible middle of the canvas is, read when asked: a clicked node
 * lands there, not beside the rightmost node, which may be off screen.
 */
export function useViewCenter(box: RefObject<HTMLDivElement | null>): void {
  const flow = useReactFlow();
  const { setViewCenter } = useCanvasViewActions();
  useEffect(() => {
    setViewCenter(() => {
      const rect = box.current?.getBoundingClientRect();
      if (!rect) return flow.screenToFlowPosition({ x: 0, y: 0 });
      return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    });
    return () => setViewCenter(undefined);
  }, [box, flow, setViewCenter]);
}
