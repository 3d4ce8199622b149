import type { ContentEditorProps } from '../../../core/views/content-editor-props.ts';
import { SchemaForm } from '../form/SchemaForm.tsx';

/** The form of a kind whose schema says it all (approval, tag, remark parsing, gifts, split, routing, carrier). */
export function GenericEditor({ node, def }: ContentEditorProps) {
  return <SchemaForm schema={def.schema} value={node.content} />;
}
