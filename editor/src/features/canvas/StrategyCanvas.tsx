import '@xyflow/react/dist/style.css';
import './trace-compare.css';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  type ReactFlowState,
  useStore,
} from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { toFlowEdges, toFlowNodes } from '../../core/graph/flow-conversion.ts';
import type { GraphFlowEdge, GraphFlowNode } from '../../core/graph/flow-types.ts';
import { useNodeSizes } from '../../stores/canvas-view-store.ts';
import { useDoc } from '../../stores/document-store.ts';
import { useSelectedEdgeIds, useSelectedNodeIds } from '../../stores/selection-store.ts';
import { useIssueIndex } from '../../stores/validation-store.ts';
import { CanvasTextContext } from './canvas-text.ts';
import { FIT_VIEW } from './fit-padding.ts';
import { EDGE_TYPES, NODE_TYPES } from './flow-types-registry.ts';
import { TraceLegend } from './TraceLegend.tsx';
import { useCanvasChanges } from './use-canvas-changes.ts';
import { useCanvasTextValue } from './use-canvas-text-value.ts';
import { useFocusNode } from './use-focus-node.ts';
import { useLayoutOnOpen } from './use-layout-on-open.ts';
import { usePaletteDrop } from './use-palette-drop.ts';
import { useSelectionPruning } from './use-selection-pruning.ts';
import { useViewCenter } from './use-view-center.ts';

const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];
/** Past this many nodes only those in view are rendered: panning a 500-node strategy stays smooth. */
const VIRTUALISE_ABOVE = 150;
/** Below this zoom text is a few pixels high: hidden (not removed, so nothing is measured again), painting far less. */
const FAR_ZOOM = 0.45;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

function CanvasInner() {
  const { t } = useTranslation();
  const doc = useDoc();
  const selectedNodes = useSelectedNodeIds();
  const selectedEdges = useSelectedEdgeIds();
  const sizes = useNodeSizes();
  const issues = useIssueIndex();
  const previousNodes = useRef(new Map<string, GraphFlowNode>());
  const previousEdges = useRef(new Map<string, GraphFlowEdge>());
  const changes = useCanvasChanges();
  const drop = usePaletteDrop();
  const text = useCanvasTextValue();
  const far = useStore(isFar);
  useFocusNode();
  const laidOut = useLayoutOnOpen();
  useSelectionPruning();
  const box = useRef<HTMLDivElement>(null);
  useViewCenter(box);

  const nodes = useMemo(() => {
    const list = toFlowNodes(
      doc?.nodes ?? [],
      { selectedNodes, selectedEdges, sizes },
      previousNodes.current,
    );
    previousNodes.current = new Map(list.map((n) => [n.id, n]));
    return list;
  }, [doc?.nodes, selectedNodes, selectedEdges, sizes]);

  const edges = useMemo(() => {
    const list = toFlowEdges(
      doc?.edges ?? [],
      { selectedNodes, selectedEdges, sizes },
      previousEdges.current,
    );
    previousEdges.current = new Map(list.map((e) => [e.id, e]));
    return list;
  }, [doc?.edges, selectedNodes, selectedEdges, sizes]);

  return (
    <div ref={box} className={far ? 'og-canvas og-canvas--far' : 'og-canvas'} data-testid="canvas">
      <CanvasTextContext.Provider value={text}>
        <ReactFlow<GraphFlowNode, GraphFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={changes.onNodesChange}
          onEdgesChange={changes.onEdgesChange}
          onConnect={changes.onConnect}
          onDragOver={drop.onDragOver}
          onDrop={drop.onDrop}
          onNodeDragStop={changes.onNodeDragStop}
          deleteKeyCode={DELETE_KEYS}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          onlyRenderVisibleElements={nodes.length > VIRTUALISE_ABOVE}
          minZoom={0.05}
          maxZoom={2}
          fitView
          fitViewOptions={FIT_VIEW}
          proOptions={{ hideAttribution: true }}
          defaultEdgeOptions={{ type: 'graph' }}
        >
          <Background gap={20} size={1} />
          <MiniMap
            pannable
            zoomable
            ariaLabel={t('canvas.minimap')}
            nodeColor={(node) => (issues.byNode.has(node.id) ? '#e5484d' : '#8aa4c8')}
          />
          <Controls showInteractive={false} />
          <TraceLegend />
          {laidOut.pairs > 0 ? (
            <Panel position="top-center" className="og-layout-notice" data-testid="layout-notice">
              {t('canvas.laidOut', { count: laidOut.pairs })}
              <button
                type="button"
                className="og-link og-layout-notice__close"
                aria-label={t('dialog.close')}
                onClick={laidOut.dismiss}
              >
                ×
              </button>
            </Panel>
          ) : null}
        </ReactFlow>
      </CanvasTextContext.Provider>
    </div>
  );
}

export function StrategyCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}
