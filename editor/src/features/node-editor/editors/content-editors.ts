import type { ComponentType } from 'react';
import type { NodeKindName } from '../../../core/engine.ts';
import { ActionEditor } from './ActionEditor.tsx';
import { ApprovalCheckEditor } from './ApprovalCheckEditor.tsx';
import { ConditionEditor } from './ConditionEditor.tsx';
import type { ContentEditorProps } from './content-editor-props.ts';
import { DecisionTableEditor } from './DecisionTableEditor.tsx';
import { GenericEditor } from './GenericEditor.tsx';
import { PluginEditor } from './PluginEditor.tsx';
import { SwitchEditor } from './SwitchEditor.tsx';

const Nothing: ComponentType<ContentEditorProps> = () => null;

/**
 * The inspector body per kind, checked by the compiler over the registry's kinds. Most kinds need
 * nothing but their schema; conditions, switches, tables, actions and checks get editors of their own.
 */
export const CONTENT_EDITORS: Record<NodeKindName, ComponentType<ContentEditorProps>> = {
  start: Nothing,
  condition: ConditionEditor,
  switch: SwitchEditor,
  decisionTable: DecisionTableEditor,
  action: ActionEditor,
  approval: GenericEditor,
  approvalCheck: ApprovalCheckEditor,
  remarkExtract: GenericEditor,
  tag: GenericEditor,
  giftRules: GenericEditor,
  substitute: GenericEditor,
  split: GenericEditor,
  routeChain: GenericEditor,
  carrierChain: GenericEditor,
  plugin: PluginEditor,
};

export function contentEditorOf(kind: string): ComponentType<ContentEditorProps> {
  return Object.hasOwn(CONTENT_EDITORS, kind) ? CONTENT_EDITORS[kind as NodeKindName] : GenericEditor;
}
