import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import { type GraphEdge, type GraphNode, nodeKind } from '../engine.ts';
import {
  type FlowView,
  GRAPH_EDGE_TYPE,
  type GraphFlowEdge,
  type GraphFlowNode,
  type Size,
  UNKNOWN_NODE_TYPE,
} from './flow-types.ts';

/** The one place the domain graph becomes React Flow's nodes and edges, and React Flow's changes come back. */

const typeOf = (kind: string) => (nodeKind(kind) ? kind : UNKNOWN_NODE_TYPE);

export function toFlowNode(node: GraphNode, view: FlowView): GraphFlowNode {
  const size = view.sizes.get(node.id);
  return {
    id: node.id,
    type: typeOf(node.kind),
    position: { x: node.position.x, y: node.position.y },
    data: { nodeId: node.id },
    selected: view.selectedNodes.has(node.id),
    ...(size ? { measured: { width: size.width, height: size.height } } : {}),
  };
}

export function toFlowEdge(edge: GraphEdge, view: FlowView): GraphFlowEdge {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle ?? null,
    type: GRAPH_EDGE_TYPE,
    data: { edgeId: edge.id },
    selected: view.selectedEdges.has(edge.id),
  };
}

const sameSize = (a: Size | undefined, b: { width?: number; height?: number } | undefined) =>
  a?.width === b?.width && a?.height === b?.height;

/**
 * React Flow skips a node whose object is the one it saw last time; on a 500-node canvas that is
 * the difference between re-laying one node and all of them. Unchanged nodes keep their object.
 */
export function toFlowNodes(
  nodes: readonly GraphNode[],
  view: FlowView,
  previous: ReadonlyMap<string, GraphFlowNode> = new Map(),
): GraphFlowNode[] {
  return nodes.map((node) => {
    const before = previous.get(node.id);
    if (
      before &&
      before.type === typeOf(node.kind) &&
      before.position.x === node.position.x &&
      before.position.y === node.position.y &&
      before.selected === view.selectedNodes.has(node.id) &&
      sameSize(view.sizes.get(node.id), before.measured)
    ) {
      return before;
    }
    return toFlowNode(node, view);
  });
}

export function toFlowEdges(
  edges: readonly GraphEdge[],
  view: FlowView,
  previous: ReadonlyMap<string, GraphFlowEdge> = new Map(),
): GraphFlowEdge[] {
  return edges.map((edge) => {
    const before = previous.get(edge.id);
    if (
      before &&
      before.source === edge.source &&
      before.target === edge.target &&
      before.sourceHandle === (edge.sourceHandle ?? null) &&
      before.selected === view.selectedEdges.has(edge.id)
    ) {
      return before;
    }
    return toFlowEdge(edge, view);
  });
}

/** Back from the canvas: positions come from React Flow, everything else stays the domain's. */
export function fromFlowNodes(
  flowNodes: readonly GraphFlowNode[],
  domain: readonly GraphNode[],
): GraphNode[] {
  const byId = new Map(domain.map((n) => [n.id, n]));
  return flowNodes.flatMap((flow) => {
    const node = byId.get(flow.data.nodeId);
    return node ? [{ ...node, position: { x: flow.position.x, y: flow.position.y } }] : [];
  });
}

export function fromFlowEdge(
  edge: Pick<GraphFlowEdge, 'id' | 'source' | 'target' | 'sourceHandle'>,
): GraphEdge {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
  };
}

export function fromFlowEdges(flowEdges: readonly GraphFlowEdge[]): GraphEdge[] {
  return flowEdges.map(fromFlowEdge);
}

/** A connection the person drew, as a domain edge request (the id is the document's to give). */
export function connectionToEdge(connection: Connection): Omit<GraphEdge, 'id'> | undefined {
  if (!connection.source || !connection.target || connection.source === connection.target) return undefined;
  return {
    source: connection.source,
    target: connection.target,
    ...(connection.sourceHandle ? { sourceHandle: connection.sourceHandle } : {}),
  };
}

/** React Flow's change events, sorted into what the document, the selection and the view each take. */
export interface CanvasPatch {
  moves: Map<string, XYPosition>;
  /** True while a drag is still going: the moves are one undo step, committed as they come. */
  dragging: boolean;
  removeNodes: string[];
  removeEdges: string[];
  select: Map<string, boolean>;
  selectEdges: Map<string, boolean>;
  sizes: Map<string, Size>;
}

export function changesToPatch(nodeChanges: readonly NodeChange[], edgeChanges: readonly EdgeChange[] = []) {
  const patch: CanvasPatch = {
    moves: new Map(),
    dragging: false,
    removeNodes: [],
    removeEdges: [],
    select: new Map(),
    selectEdges: new Map(),
    sizes: new Map(),
  };
  for (const change of nodeChanges) {
    if (change.type === 'position' && change.position) {
      patch.moves.set(change.id, { x: Math.round(change.position.x), y: Math.round(change.position.y) });
      patch.dragging ||= change.dragging === true;
    } else if (change.type === 'remove') patch.removeNodes.push(change.id);
    else if (change.type === 'select') patch.select.set(change.id, change.selected);
    else if (change.type === 'dimensions' && change.dimensions) patch.sizes.set(change.id, change.dimensions);
  }
  for (const change of edgeChanges) {
    if (change.type === 'remove') patch.removeEdges.push(change.id);
    else if (change.type === 'select') patch.selectEdges.set(change.id, change.selected);
  }
  return patch;
}
