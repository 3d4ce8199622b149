import { z } from 'zod';
import { checkEventParams, type EventCatalogue, unknownEventType } from '../../events/index.ts';
import { type ContentIssue, defineNodeKind, type NodeKindDef } from '../node-kind.ts';
import { extractEvent } from './extract.event.ts';

export const ActionContentSchema = z.object({
  type: z.string().min(1, 'choose what the action does'),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type ActionContent = z.infer<typeof ActionContentSchema>;

/**
 * A generic action: emits one event, of any type in the catalogue. The family action kinds build on the
 * same event types; `extract` is the one no family kind emits, so this kind declares it.
 */
export function actionKind(catalogue: EventCatalogue): NodeKindDef<ActionContent> {
  return defineNodeKind<ActionContent>({
    kind: 'action',
    version: 1,
    group: 'flow',
    label: { en: 'Action', zh: '动作' },
    description: {
      en: 'Emits an event (hold, flag, route, carrier, tag, gift, extract …) for orders that reach it.',
      zh: '对到达此处的订单执行动作（拦截、标记、分仓、快递、打标、赠品、提取…）。',
    },
    schema: ActionContentSchema,
    defaults: () => ({ type: 'tag', params: { tag: 'new-tag' } }),
    acceptsInput: true,
    outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
    requiredOutputs: () => [],
    validate: (content, context): ContentIssue[] => {
      const def = catalogue.def(content.type);
      return def
        ? checkEventParams(def, content.params, 'params', context)
        : [unknownEventType(content.type, 'type', catalogue)];
    },
    emit: (content) => {
      const def = catalogue.def(content.type);
      const params = def ? (def.params.parse(content.params) as Record<string, unknown>) : content.params;
      return [{ key: '', condition: null, event: { type: content.type, params } }];
    },
    events: [extractEvent],
    migrations: {},
  });
}
