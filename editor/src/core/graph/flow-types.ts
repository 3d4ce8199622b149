import type { Edge, Node } from '@xyflow/react';

/**
 * React Flow's shape, made from the domain graph for the canvas and never stored. `data` carries
 * ids only: node and edge bodies read the document store, so a content edit re-renders one node.
 */
export type FlowNodeData = { nodeId: string };
export type FlowEdgeData = { edgeId: string };
export type GraphFlowNode = Node<FlowNodeData>;
export type GraphFlowEdge = Edge<FlowEdgeData>;

/** The node type for a kind the registry does not know (a newer file): drawn, flagged, never crashes. */
export const UNKNOWN_NODE_TYPE = 'unknown';
export const GRAPH_EDGE_TYPE = 'graph';

export interface Size {
  width: number;
  height: number;
}

/** What the canvas shows besides the document: selection, and sizes React Flow measured. */
export interface FlowView {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  sizes: ReadonlyMap<string, Size>;
}
