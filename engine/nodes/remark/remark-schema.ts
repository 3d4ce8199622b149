import { z } from 'zod';

export const REMARK_SOURCES = ['buyerMessage', 'sellerMemo'] as const;
export type RemarkSource = (typeof REMARK_SOURCES)[number];

const ruleId = z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "_" or "-"');
/** The fact later stages read: `extracted.<key>`. */
const key = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'use letters, digits and "_", starting with a letter');
const word = z.string().trim().min(1, 'cannot be empty');
const words = z.array(word);
export const scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalar>;

const common = {
  id: ruleId,
  key,
  /** Keep every value found as a list (delivery notes) instead of one value where two different ones conflict. */
  collect: z.boolean().default(false),
};

const KeywordsRuleSchema = z.object({
  ...common,
  type: z.literal('keywords'),
  keywords: words.min(1, 'list at least one keyword'),
  match: z.enum(['any', 'all']).default('any'),
  unless: words.default(() => []),
  value: scalar.default(true),
});

const RegexRuleSchema = z.object({
  ...common,
  type: z.literal('regex'),
  pattern: z.string().min(1, 'write a pattern'),
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'use only the flags i, m, s, u')
    .default(''),
  /** `$1` … `$9`, `$<name>`, `$&` (the whole match); the value is what the template gives, trimmed. */
  value: z.string().default('$&'),
});

const CodeRuleSchema = z.object({
  ...common,
  type: z.literal('code'),
  brackets: z
    .array(z.tuple([word, word]))
    .min(1, 'give at least one bracket pair')
    .default((): [string, string][] => [
      ['{', '}'],
      ['【', '】'],
      ['[', ']'],
    ]),
  codes: z.array(z.object({ code: word, value: scalar })).default(() => []),
  /** A code starting with it (W: in {W:SF}) gives the rest (SF) as the value when `codes` has no entry. */
  prefix: z.string().default(''),
});

const DictionaryRuleSchema = z.object({
  ...common,
  type: z.literal('dictionary'),
  entries: z
    .array(
      z.object({
        value: scalar,
        words: words.min(1, 'list at least one word'),
        unless: words.default(() => []),
      }),
    )
    .min(1, 'add at least one entry'),
});

export const RemarkRuleSchema = z.discriminatedUnion('type', [
  KeywordsRuleSchema,
  RegexRuleSchema,
  CodeRuleSchema,
  DictionaryRuleSchema,
]);
export type RemarkRule = z.infer<typeof RemarkRuleSchema>;

/** The extractor's settings: the node's content and, unchanged, the `remark.extract` event's params. */
export const RemarkExtractSchema = z.object({
  sources: z
    .array(z.enum(REMARK_SOURCES))
    .min(1, 'read the buyer message, the seller memo or both')
    .default(() => [...REMARK_SOURCES]),
  onConflict: z.enum(['flag', 'hold', 'ignore']).default('flag'),
  conflictReason: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits, "_", ".", ":" or "-"')
    .max(64)
    .default('remark_conflict'),
  rules: z.array(RemarkRuleSchema).min(1, 'add at least one rule'),
});
export type RemarkExtract = z.infer<typeof RemarkExtractSchema>;
