import { z } from 'zod';
import { defineNodeKind } from '../node-kind.ts';

export const StartContentSchema = z.object({}).strict();

export const startKind = defineNodeKind({
  kind: 'start',
  version: 1,
  group: 'flow',
  label: { en: 'Start', zh: '开始' },
  description: { en: 'Every order enters the strategy here.', zh: '订单从这里进入策略。' },
  schema: StartContentSchema,
  defaults: () => ({}),
  acceptsInput: false,
  outputs: () => [{ handle: 'out', label: { en: 'next', zh: '下一步' }, condition: null }],
  requiredOutputs: () => ['out'],
  validate: () => [],
  emit: () => [],
  events: [],
  migrations: {},
});
