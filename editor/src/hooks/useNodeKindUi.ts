import { type ComponentType, createContext, useContext } from 'react';
import type { NodeKindName } from '../core/engine.ts';
import type { ContentEditorProps } from '../core/views/content-editor-props.ts';
import type { NodeView } from '../core/views/node-view.ts';

/** How the editor shows one kind (canvas, palette, diff) and edits its content (inspector). */
export interface NodeKindUi extends NodeView {
  editor: ComponentType<ContentEditorProps>;
}

/**
 * One entry per engine kind, checked by the type checker. The editor page provides it: the entries
 * hold the node editor's components, which the other features (canvas, palette, diff) may not import.
 */
export type NodeKindUis = Readonly<Record<NodeKindName, NodeKindUi>>;

export const NodeKindUiContext = createContext<NodeKindUis | undefined>(undefined);

/** A kind this editor does not know (a file from a newer engine): a question mark, no form. */
const UNKNOWN_KIND: NodeKindUi = { icon: '?', tone: 'flow', summary: () => '', editor: () => null };

export function useNodeKindUi(): (kind: string) => NodeKindUi {
  const uis = useContext(NodeKindUiContext);
  if (!uis) throw new Error('node kinds render inside the editor page, which provides their UI');
  return (kind) => (Object.hasOwn(uis, kind) ? uis[kind as NodeKindName] : UNKNOWN_KIND);
}
