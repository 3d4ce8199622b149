import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { GraphFlowNode } from '../../../core/graph/flow-types.ts';
import { useDocNode } from '../../../stores/document-store.ts';
import { useCanvasText } from '../canvas-text.ts';

/** A kind this editor does not know (a file from a newer engine): shown and flagged, never a crash. */
function UnknownNodeViewInner({ id, selected }: NodeProps<GraphFlowNode>) {
  const { t } = useCanvasText();
  const node = useDocNode(id);
  return (
    <div
      className={`og-node og-node--unknown og-node--invalid ${selected ? 'og-node--selected' : ''}`}
      data-node-id={id}
    >
      <Handle type="target" position={Position.Left} className="og-handle og-handle--in" />
      <div className="og-node__header">
        <span className="og-node__icon">?</span>
        <span className="og-node__kind">{node?.kind}</span>
      </div>
      <div className="og-node__summary">{t('canvas.unknownKind')}</div>
    </div>
  );
}

export const UnknownNodeView = memo(UnknownNodeViewInner);
