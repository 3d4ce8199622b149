import { z } from 'zod';
import { type ContentIssue, defineNodeKind, type FieldHints } from '../node-kind.ts';
import { tagEvent, tagName } from './tag.event.ts';

export const TagContentSchema = z.object({
  add: z.array(tagName).default(() => []),
  remove: z.array(tagName).default(() => []),
});
export type TagContent = z.infer<typeof TagContentSchema>;

function validate({ add, remove }: TagContent): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (add.length === 0 && remove.length === 0) {
    issues.push({
      code: 'content_invalid',
      path: 'add',
      message: 'add: list at least one tag to add or remove',
    });
  }
  add.forEach((tag, i) => {
    if (add.indexOf(tag) < i) {
      issues.push({ code: 'duplicate_id', path: `add[${i}]`, message: `add: tag "${tag}" is listed twice` });
    }
  });
  remove.forEach((tag, i) => {
    if (add.includes(tag)) {
      issues.push({
        code: 'content_invalid',
        path: `remove[${i}]`,
        message: `remove: tag "${tag}" is also added here; keep it in one list`,
      });
    }
  });
  return issues;
}

/** Editor hints for the tag node's fields. */
export const tagFields: FieldHints = {
  add: {
    label: { en: 'Add tags', zh: '添加标签' },
    help: { en: 'Tags to put on the order, e.g. VIP, 加急.', zh: '要打上的标签，如 VIP、加急。' },
    widget: 'keywords',
  },
  remove: {
    label: { en: 'Remove tags', zh: '去除标签' },
    help: {
      en: 'Tags earlier rules or stages put on that no longer apply.',
      zh: '去掉前面规则或环节打上、现在不再适用的标签。',
    },
    widget: 'keywords',
  },
};

/** 打标: tags the orders that reach it (and can take off tags earlier rules or stages put on). */
export const tagKind = defineNodeKind<TagContent>({
  kind: 'tag',
  version: 1,
  group: 'tag',
  label: { en: 'Tag', zh: '打标' },
  description: {
    en: 'Adds tags to the orders that reach it, and optionally removes others.',
    zh: '给到达此处的订单打上标签，也可去掉某些标签。',
  },
  schema: TagContentSchema,
  defaults: () => ({ add: ['new-tag'], remove: [] }),
  acceptsInput: true,
  outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
  requiredOutputs: () => [],
  validate,
  emit: ({ add, remove }) => [
    {
      key: '',
      condition: null,
      event: { type: 'tag', params: { tags: [...add], ...(remove.length ? { remove: [...remove] } : {}) } },
    },
  ],
  fields: tagFields,
  events: [tagEvent],
  migrations: {},
});
