import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeKind } from '../../core/engine.ts';
import type { GraphFlowNode } from '../../core/graph/flow-types.ts';
import { useLabel } from '../../hooks/useLabel.ts';
import { useNodeKindUi } from '../../hooks/useNodeKindUi.ts';
import { DiffContext } from './diff-context.ts';

/** A node in a diff: its kind and name, coloured by how it changed. Read-only, no branch handles. */
function DiffNodeInner({ id }: NodeProps<GraphFlowNode>) {
  const { t } = useTranslation();
  const label = useLabel();
  const uiOf = useNodeKindUi();
  const drawn = useContext(DiffContext);
  const node = drawn?.graph.nodes.find((n) => n.id === id);
  const change = drawn?.nodeKinds.get(id) ?? 'same';
  if (!node) return null;
  const def = nodeKind(node.kind);
  return (
    <div className={`og-node og-node--diff og-node--diff-${change}`} data-change={change}>
      <Handle type="target" position={Position.Left} className="og-handle" isConnectable={false} />
      <div className="og-node__header">
        <span className="og-node__icon">{uiOf(node.kind).icon}</span>
        <span className="og-node__kind">{def ? label(def.label) : node.kind}</span>
        {change !== 'same' ? <span className="og-node__change">{t(`diff.${change}`)}</span> : null}
      </div>
      <div className="og-node__name">{node.name || (def ? label(def.label) : node.kind)}</div>
      <div className="og-node__summary">{node.id}</div>
      <Handle type="source" position={Position.Right} className="og-handle" isConnectable={false} />
    </div>
  );
}

export const DiffNode = memo(DiffNodeInner);
