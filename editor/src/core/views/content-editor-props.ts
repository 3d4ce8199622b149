import type { AnyNodeKind, GraphNode } from '../engine.ts';

/** What each kind's editor gets; it writes through the form context's `change`. */
export interface ContentEditorProps {
  node: GraphNode;
  def: AnyNodeKind;
}
