import { z } from 'zod';
import { defineEvent } from '../../events/event-def.ts';

export const tagName = z.string().trim().min(1, 'a tag cannot be empty').max(64);

/**
 * Adds tags to the decision and takes others off. `{tag}` is the one-tag form rule JSON written
 * before `tags` existed still uses; removals apply first, so one event can swap a tag for another.
 */
export const tagEvent = defineEvent({
  type: 'tag',
  label: { en: 'Tag', zh: '打标' },
  params: z
    .object({
      tag: tagName.optional(),
      tags: z.array(tagName).optional(),
      remove: z.array(tagName).optional(),
    })
    .refine((p) => p.tag !== undefined || p.tags?.length || p.remove?.length, {
      message: 'add or remove at least one tag',
    }),
  // The lists read as they are, where defaults and `[tag, ...tags]` made up to three arrays per tag event.
  apply: ({ tag, tags, remove }, { decision }) => {
    if (remove?.length) decision.tags = decision.tags.filter((t) => !remove.includes(t));
    if (tag !== undefined) addTag(decision.tags, tag);
    if (tags) for (const t of tags) addTag(decision.tags, t);
  },
});

function addTag(tags: string[], tag: string): void {
  if (!tags.includes(tag)) tags.push(tag);
}
