import { z } from 'zod';
import { type ConditionLeaf, compileCondition, validateCondition } from '../../conditions/index.ts';
import type { NestedCondition } from '../../rules/schema.ts';
import { defineNodeKind, type OutputBranch } from '../node-kind.ts';

const CaseSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "_" or "-"'),
  label: z.string().default(''),
  operator: z.string().min(1),
  value: z.unknown(),
});

export const SwitchContentSchema = z.object({
  fact: z.string().min(1, 'choose a field'),
  cases: z.array(CaseSchema).min(1, 'add at least one case'),
  hasDefault: z.boolean().default(true),
});
export type SwitchContent = z.infer<typeof SwitchContentSchema>;

const leafOf = (content: SwitchContent, i: number): ConditionLeaf => ({
  fact: content.fact,
  operator: content.cases[i]!.operator,
  value: content.cases[i]!.value,
});

/**
 * Cases are exclusive, first match wins: a case's branch also requires that no earlier case
 * matched, so a switch means the same under every hit policy.
 */
export const switchKind = defineNodeKind<SwitchContent>({
  kind: 'switch',
  version: 1,
  group: 'flow',
  label: { en: 'Switch', zh: '分支' },
  description: {
    en: 'Sends the order down the first case its field matches, else down "default".',
    zh: '按字段取值走第一个匹配的分支，否则走"默认"。',
  },
  schema: SwitchContentSchema,
  defaults: () => ({
    fact: 'platform',
    cases: [{ id: 'tmall', label: '', operator: 'equal', value: 'tmall' }],
    hasDefault: true,
  }),
  acceptsInput: true,
  outputs: (content) => {
    const leaves = content.cases.map((_, i) => compileCondition(leafOf(content, i)));
    const branches: OutputBranch[] = content.cases.map((c, i) => {
      const earlier = leaves.slice(0, i);
      const condition: NestedCondition = earlier.length
        ? { all: [leaves[i]!, { not: { any: earlier } }] }
        : leaves[i]!;
      return { handle: c.id, label: { en: c.label || c.id, zh: c.label || c.id }, condition };
    });
    if (content.hasDefault) {
      branches.push({
        handle: 'default',
        label: { en: 'default', zh: '默认' },
        condition: { not: { any: leaves } },
      });
    }
    return branches;
  },
  requiredOutputs: (content) => content.cases.map((c) => c.id),
  validate: (content) => {
    const duplicates = content.cases
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => content.cases.findIndex((other) => other.id === c.id) !== i || c.id === 'default')
      .map(({ c, i }) => ({
        code: 'duplicate_id' as const,
        path: `cases[${i}].id`,
        message: `case id "${c.id}" is used twice or reserved`,
      }));
    const conditions = content.cases.flatMap((_, i) =>
      validateCondition(leafOf(content, i), `cases[${i}]`).map((issue) => ({
        ...issue,
        path: issue.path.replace(`cases[${i}].fact`, 'fact'),
      })),
    );
    return [...duplicates, ...conditions];
  },
  emit: () => [],
  events: [],
  migrations: {},
});
