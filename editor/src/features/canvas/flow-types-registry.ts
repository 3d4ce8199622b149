import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { NODE_KINDS } from '../../core/engine.ts';
import { GRAPH_EDGE_TYPE, UNKNOWN_NODE_TYPE } from '../../core/graph/flow-types.ts';
import { GraphEdgeView } from './edges/GraphEdgeView.tsx';
import { GraphNodeView } from './nodes/GraphNodeView.tsx';
import { UnknownNodeView } from './nodes/UnknownNodeView.tsx';

/**
 * Built once at module scope: React Flow re-creates every node when these objects change. Each
 * registry kind is a node type; what differs per kind lives in the editor's kind registry
 * (`NODE_KIND_UI`), which the page provides.
 */
export const NODE_TYPES: NodeTypes = {
  ...Object.fromEntries(Object.keys(NODE_KINDS).map((kind) => [kind, GraphNodeView])),
  [UNKNOWN_NODE_TYPE]: UnknownNodeView,
};

export const EDGE_TYPES: EdgeTypes = { [GRAPH_EDGE_TYPE]: GraphEdgeView };
