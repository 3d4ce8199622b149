import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { nodeKind } from '../../../core/engine.ts';
import type { GraphFlowNode } from '../../../core/graph/flow-types.ts';
import { useNodeKindUi } from '../../../hooks/useNodeKindUi.ts';
import { useDocNode } from '../../../stores/document-store.ts';
import { useNodeLit, useNodeSide } from '../../../stores/highlight-store.ts';
import { useNodeSimHits } from '../../../stores/simulation-store.ts';
import { useNodeIssues } from '../../../stores/validation-store.ts';
import { useCanvasText } from '../canvas-text.ts';
import { useNodeOutputs } from '../use-node-outputs.ts';

/**
 * Every kind's node: header (icon, kind, issue badge), name, a summary of its content, and one
 * labelled handle per branch. React Flow's data carries the id only; the rest comes from stores.
 */
function GraphNodeViewInner({ id, selected }: NodeProps<GraphFlowNode>) {
  const { t, label, words, issueText } = useCanvasText();
  const uiOf = useNodeKindUi();
  const node = useDocNode(id);
  const issues = useNodeIssues(id);
  const lit = useNodeLit(id);
  const side = useNodeSide(id);
  const hits = useNodeSimHits(id);
  const outputs = useNodeOutputs(id);
  const updateInternals = useUpdateNodeInternals();
  const handleKey = outputs.map((o) => o.handle).join('|');
  const measuredKey = useRef(handleKey);
  // Handles come and go with content (switch cases): React Flow must measure them again.
  useEffect(() => {
    if (measuredKey.current === handleKey) return;
    measuredKey.current = handleKey;
    updateInternals(id);
  }, [handleKey, id, updateInternals]);
  if (!node) return null;
  const def = nodeKind(node.kind);
  const view = uiOf(node.kind);
  const errors = issues.filter((i) => i.severity === 'error');
  const kindLabel = def ? label(def.label) : node.kind;
  const summary = view.summary(node.content, { label, words });
  const classes = [
    'og-node',
    `og-node--${view.tone}`,
    selected ? 'og-node--selected' : '',
    errors.length ? 'og-node--invalid' : issues.length ? 'og-node--warning' : '',
    lit ? `og-node--lit-${lit}` : '',
    side ? `og-node--side-${side}` : '',
    hits === 0 ? 'og-node--never-hit' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-node-id={id}
      data-kind={node.kind}
      data-lit={lit ?? undefined}
      data-trace={side}
    >
      {def?.acceptsInput !== false ? (
        <Handle type="target" position={Position.Left} className="og-handle og-handle--in" />
      ) : null}
      <div className="og-node__header">
        <span className="og-node__icon" aria-hidden="true">
          {view.icon}
        </span>
        <span className="og-node__kind">{kindLabel}</span>
        {issues.length ? (
          <span
            className={`og-node__badge og-node__badge--${errors.length ? 'error' : 'warning'}`}
            title={issues.map(issueText).join('\n')}
            data-testid="node-issue-badge"
          >
            {issues.length}
          </span>
        ) : null}
        {hits !== undefined ? (
          <span
            className={`og-node__hits ${hits === 0 ? 'og-node__hits--never' : ''}`}
            title={hits === 0 ? t('simulation.neverHit') : t('simulation.hits', { count: hits })}
            data-testid="node-sim-hits"
            data-hits={hits}
          >
            {hits === 0 ? '∅' : hits}
          </span>
        ) : null}
      </div>
      <div className="og-node__name">{node.name || kindLabel}</div>
      {summary ? <div className="og-node__summary">{summary}</div> : null}
      {outputs.length ? (
        <div className="og-node__outputs">
          {outputs.map((output) => (
            <div className="og-node__output" key={output.handle} data-handle={output.handle}>
              <span className="og-node__output-label">{label(output.label)}</span>
              <Handle
                type="source"
                id={output.handle}
                position={Position.Right}
                className={`og-handle og-handle--out og-handle--${output.handle}`}
              />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export const GraphNodeView = memo(GraphNodeViewInner);
