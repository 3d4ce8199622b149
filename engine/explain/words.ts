import { FACT_LABELS } from '../facts/index.ts';
import type { Label } from '../nodes/node-kind.ts';
import { operatorSpec } from '../operators/index.ts';
import type { ConditionFailure } from './condition-failure.ts';

export type Language = keyof Label;

/** Both languages at once: explanations go to people who read either. */
export const both = (write: (lang: Language) => string): Label => ({ zh: write('zh'), en: write('en') });

/** A fact in the consultant's words; `skus.length` as the list's count. */
export function factWords(path: string, lang: Language): string {
  const label = FACT_LABELS[path];
  if (label) return label[lang];
  if (path.endsWith('.length')) {
    const list = path.slice(0, -'.length'.length);
    const listLabel = FACT_LABELS[list];
    if (listLabel) return lang === 'zh' ? `${listLabel.zh}数量` : `number of ${listLabel.en}`;
  }
  return path;
}

export function valueWords(value: unknown, lang: Language): string {
  if (value === undefined || value === null) return lang === 'zh' ? '（无）' : '(none)';
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'zh' ? '（空）' : '(empty)';
    return value.map((v) => valueWords(v, lang)).join(lang === 'zh' ? '、' : ', ');
  }
  if (typeof value === 'object') {
    const pattern = (value as { pattern?: unknown }).pattern;
    return typeof pattern === 'string' ? `/${pattern}/` : JSON.stringify(value);
  }
  return String(value);
}

/** The operator whose test holds exactly when this one's fails, where there is one. */
const OPPOSITE: Readonly<Record<string, string>> = {
  equal: 'notEqual',
  notEqual: 'equal',
  in: 'notIn',
  notIn: 'in',
  contains: 'doesNotContain',
  doesNotContain: 'contains',
  lessThan: 'greaterThanInclusive',
  greaterThanInclusive: 'lessThan',
  greaterThan: 'lessThanInclusive',
  lessThanInclusive: 'greaterThan',
};

/** What the condition wanted, e.g. "paid", "大于 5", "不属于 unpaid、partPaid". */
function wantedWords(failure: ConditionFailure, lang: Language): string {
  const operator = failure.negated ? OPPOSITE[failure.operator] : failure.operator;
  const expected = valueWords(failure.expected, lang);
  if (operator === 'equal') return expected;
  if (operator) return `${operatorSpec(operator)?.label[lang] ?? operator} ${expected}`;
  const label = operatorSpec(failure.operator)?.label[lang] ?? failure.operator;
  return lang === 'zh' ? `不${label} ${expected}` : `not ${label} ${expected}`;
}

/** "付款状态 = unpaid，需要 paid" / "Payment status = unpaid, needs paid". */
export function failureWords(failure: ConditionFailure, lang: Language): string {
  const fact = `${factWords(failure.fact, lang)} = ${valueWords(failure.actual, lang)}`;
  return lang === 'zh'
    ? `${fact}，需要 ${wantedWords(failure, lang)}`
    : `${fact}, needs ${wantedWords(failure, lang)}`;
}
