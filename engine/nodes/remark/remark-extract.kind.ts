import type { ContentIssue, FieldHints } from '../node-kind.ts';
import { defineNodeKind } from '../node-kind.ts';
import { ruleRegex } from './compile-rules.ts';
import { defaultRemarkExtract } from './default-rules.ts';
import { remarkExtractEvent } from './remark.event.ts';
import { type RemarkExtract, RemarkExtractSchema, type RemarkRule } from './remark-schema.ts';

function ruleIssues(rule: RemarkRule, at: string): ContentIssue[] {
  if (rule.type === 'regex') {
    const regex = ruleRegex(rule);
    return typeof regex === 'string'
      ? [{ code: 'invalid_regex', path: `${at}.pattern`, message: `rule ${rule.id}: ${regex}` }]
      : [];
  }
  if (rule.type !== 'code') return [];
  const issues: ContentIssue[] = [];
  if (rule.codes.length === 0 && !rule.prefix) {
    issues.push({
      code: 'content_invalid',
      path: `${at}.codes`,
      message: `rule ${rule.id}: list codes or give a prefix, or no bracket code ever gives a value`,
    });
  }
  const seen = new Set<string>();
  rule.codes.forEach(({ code }, j) => {
    const folded = code.toUpperCase().replace(/\s+/g, '');
    if (seen.has(folded)) {
      issues.push({
        code: 'duplicate_id',
        path: `${at}.codes[${j}].code`,
        message: `rule ${rule.id}: code ${code} is listed twice`,
      });
    }
    seen.add(folded);
  });
  return issues;
}

function validate(content: RemarkExtract): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const collectOf = new Map<string, boolean>();
  content.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    if (content.rules.findIndex((r) => r.id === rule.id) < i) {
      issues.push({ code: 'duplicate_id', path: `${at}.id`, message: `rule id "${rule.id}" is used twice` });
    }
    const collect = collectOf.get(rule.key);
    if (collect === undefined) collectOf.set(rule.key, rule.collect);
    else if (collect !== rule.collect) {
      issues.push({
        code: 'content_invalid',
        path: `${at}.collect`,
        message: `rule ${rule.id}: the rules for ${rule.key} must agree on collecting a list or keeping one value`,
      });
    }
    issues.push(...ruleIssues(rule, at));
  });
  return issues;
}

/** Editor hints for the remark node's fields; `rules[].<field>` holds for every rule. */
export const remarkExtractFields: FieldHints = {
  sources: {
    label: { en: 'Read', zh: '读取' },
    help: { en: 'The buyer message, the seller memo, or both.', zh: '买家留言、卖家备注或两者。' },
  },
  onConflict: {
    label: { en: 'On conflict', zh: '冲突时' },
    help: {
      en: 'Two different values for one key (发顺丰 in the message, {W:EMS} in the memo): flag the order, hold it, or ignore. The seller memo’s value is kept either way.',
      zh: '同一项提取到不同的值（留言"发顺丰"、备注 {W:EMS}）：标记、拦截或忽略。无论如何都以卖家备注为准。',
    },
  },
  conflictReason: {
    label: { en: 'Conflict reason code', zh: '冲突原因代码' },
    help: { en: 'The flag or hold reason for a conflict.', zh: '冲突时标记或拦截使用的原因代码。' },
  },
  'rules[].key': {
    label: { en: 'Writes', zh: '写入' },
    help: {
      en: 'Later stages read the value as extracted.<key>, e.g. extracted.carrierRequest.',
      zh: '后续环节以 extracted.<key> 读取，如 extracted.carrierRequest。',
    },
  },
  'rules[].collect': {
    label: { en: 'Keep a list', zh: '保留多个值' },
    help: {
      en: 'Keep every value found as a list (delivery notes) instead of one value that can conflict.',
      zh: '把找到的所有值保留为列表（如配送要求），而不是只取一个、不同即冲突。',
    },
  },
  'rules[].keywords': {
    label: { en: 'Keywords', zh: '关键词' },
    help: {
      en: 'Case, full-width forms and spaces do not matter. "any": one is enough; "all": every one must appear.',
      zh: '不区分大小写、全角半角和空格。"任一"：出现一个即可；"全部"：都要出现。',
    },
    widget: 'keywords',
  },
  'rules[].unless': {
    label: { en: 'Unless', zh: '排除词' },
    help: {
      en: 'The rule finds nothing when any of these appears (不要顺丰).',
      zh: '出现任一排除词时不提取（如"不要顺丰"）。',
    },
    widget: 'keywords',
  },
  'rules[].pattern': {
    label: { en: 'Pattern', zh: '正则表达式' },
    help: {
      en: 'A JavaScript regular expression over the text after full-width forms become plain (｛ → {, ： → :).',
      zh: 'JavaScript 正则，匹配全角转半角后的文本（｛ → {，： → :）。',
    },
    widget: 'regex',
  },
  'rules[].value': {
    label: { en: 'Value', zh: '取值' },
    help: {
      en: 'What to write. For a pattern: $1 … $9 for groups, $& for the whole match.',
      zh: '写入的值。正则可用 $1…$9 取分组，$& 取整个匹配。',
    },
  },
  'rules[].brackets': {
    label: { en: 'Brackets', zh: '括号' },
    help: { en: 'Pairs that enclose a code, e.g. { } and 【 】.', zh: '包住代码的括号对，如 { } 和 【 】。' },
  },
  'rules[].codes': {
    label: { en: 'Codes', zh: '代码表' },
    help: {
      en: 'Code → value, e.g. OK → true, W:YD → YUNDA.',
      zh: '代码 → 取值，如 OK → true，W:YD → YUNDA。',
    },
  },
  'rules[].prefix': {
    label: { en: 'Code prefix', zh: '代码前缀' },
    help: {
      en: 'With W:, {W:SF} gives SF when no code entry matches.',
      zh: '填 W: 时，{W:SF} 取值 SF（代码表无对应项时）。',
    },
  },
  'rules[].entries': {
    label: { en: 'Dictionary', zh: '词典' },
    help: {
      en: 'Each entry maps many words to one value: 发顺丰 / 顺丰快递 / SF → SF.',
      zh: '每项把多个说法映射为一个值：发顺丰 / 顺丰快递 / SF → SF。',
    },
    widget: 'keywords',
  },
};

/**
 * 备注解析: reads the buyer message and the seller memo with keyword, regex, bracket-code and
 * dictionary rules and writes what it finds as `extracted.<key>` facts for later stages.
 */
export const remarkExtractKind = defineNodeKind<RemarkExtract>({
  kind: 'remarkExtract',
  version: 1,
  group: 'remark',
  label: { en: 'Remark parsing', zh: '备注解析' },
  description: {
    en: 'Extracts carrier requests, bracket codes, delivery notes, urgency, invoice details, "don’t ship yet", gift requests and address changes from the buyer message and seller memo. The seller memo wins a conflict; the order is flagged.',
    zh: '从买家留言和卖家备注中提取指定快递、括号代码、配送要求、加急、发票信息、暂缓发货、赠品要求和改地址。冲突时以卖家备注为准，并标记订单。',
  },
  schema: RemarkExtractSchema,
  defaults: defaultRemarkExtract,
  acceptsInput: true,
  outputs: () => [{ handle: 'out', label: { en: 'then', zh: '然后' }, condition: null }],
  requiredOutputs: () => [],
  validate,
  emit: (content) => [
    { key: '', condition: null, event: { type: 'remark.extract', params: structuredClone(content) } },
  ],
  fields: remarkExtractFields,
  events: [remarkExtractEvent],
  migrations: {},
});
