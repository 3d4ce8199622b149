import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { GraphFlowEdge } from '../../../core/graph/flow-types.ts';
import { useDocEdge } from '../../../stores/document-store.ts';
import { useEdgeLit, useEdgeSide } from '../../../stores/highlight-store.ts';
import { useEdgeIssues } from '../../../stores/validation-store.ts';
import { useCanvasText } from '../canvas-text.ts';
import { useNodeOutputs } from '../use-node-outputs.ts';

/** An edge labelled with its branch ("是", "否", a case) when the source has several, red with the issue when it has one. */
function GraphEdgeViewInner(props: EdgeProps<GraphFlowEdge>) {
  const {
    id,
    source,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    selected,
    markerEnd,
  } = props;
  const { label, issueText } = useCanvasText();
  const edge = useDocEdge(id);
  const outputs = useNodeOutputs(source);
  const issues = useEdgeIssues(id);
  const lit = useEdgeLit(id);
  const side = useEdgeSide(id);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const branch = outputs.length > 1 ? outputs.find((o) => o.handle === edge?.sourceHandle) : undefined;
  const classes = [
    'og-edge',
    selected ? 'og-edge--selected' : '',
    issues.length ? 'og-edge--invalid' : '',
    lit ? `og-edge--lit-${lit}` : '',
    side ? `og-edge--side-${side}` : '',
  ];
  const text = issues.length ? issueText(issues[0]!) : branch ? label(branch.label) : '';
  return (
    <>
      {side === 'both' ? (
        // A path taken by both sides: the baseline's colour as a wide casing under the candidate's line.
        <path d={path} className="og-edge-casing" fill="none" data-edge-casing={id} />
      ) : null}
      <BaseEdge id={id} path={path} className={classes.filter(Boolean).join(' ')} markerEnd={markerEnd} />
      {text ? (
        <EdgeLabelRenderer>
          <div
            className={`og-edge-label ${issues.length ? 'og-edge-label--invalid' : ''} ${lit ? `og-edge-label--lit-${lit}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-edge-id={id}
            title={issues.map(issueText).join('\n') || undefined}
          >
            {text}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const GraphEdgeView = memo(GraphEdgeViewInner);
