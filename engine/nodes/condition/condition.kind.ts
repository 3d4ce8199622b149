import { z } from 'zod';
import { ConditionSchema, compileCondition, validateCondition } from '../../conditions/index.ts';
import { defineNodeKind } from '../node-kind.ts';

export const ConditionContentSchema = z.object({ when: ConditionSchema });
export type ConditionContent = z.infer<typeof ConditionContentSchema>;

export const conditionKind = defineNodeKind<ConditionContent>({
  kind: 'condition',
  version: 1,
  group: 'flow',
  label: { en: 'Condition', zh: '条件' },
  description: {
    en: 'Sends the order down "yes" when the conditions hold, else down "no".',
    zh: '满足条件走"是"，否则走"否"。',
  },
  schema: ConditionContentSchema,
  defaults: () => ({
    when: { all: [{ fact: 'amounts.total', operator: 'greaterThanInclusive', value: 0 }] },
  }),
  acceptsInput: true,
  outputs: (content) => {
    const when = compileCondition(content.when);
    return [
      { handle: 'true', label: { en: 'yes', zh: '是' }, condition: when },
      { handle: 'false', label: { en: 'no', zh: '否' }, condition: { not: when } },
    ];
  },
  requiredOutputs: () => ['true'],
  validate: (content) => validateCondition(content.when, 'when'),
  emit: () => [],
  events: [],
  migrations: {},
});
