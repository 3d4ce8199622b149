import { both, factWords, type Language, valueWords } from '../explain/words.ts';
import { lookupFact } from '../facts/index.ts';
import type { Label } from '../nodes/node-kind.ts';
import { operatorSpec } from '../operators/index.ts';
import type { Conjunction, Term } from './conjunction.ts';

/** "商品件数 大于 5", "not: 平台 等于 tmall". */
export function termWords(term: Term, lang: Language): string {
  const op = operatorSpec(term.leaf.operator)?.label[lang] ?? term.leaf.operator;
  const test = `${factWords(term.fact, lang)} ${op} ${valueWords(term.leaf.value, lang)}`;
  return term.negated ? (lang === 'zh' ? `非（${test}）` : `not (${test})`) : test;
}

/** Why no order passes: the tests that contradict each other, or the one value the order schema never has. */
export function contradictionWords(contradiction: NonNullable<Conjunction['contradiction']>): Label {
  const { fact, terms } = contradiction;
  return both((lang) => {
    const tests = terms.map((t) => termWords(t, lang));
    if (tests.length === 1) {
      const values = valueWords(lookupFact(fact)?.values ?? [], lang);
      return lang === 'zh'
        ? `「${tests[0]}」永远不成立：${factWords(fact, lang)} 只能是 ${values}`
        : `"${tests[0]}" can never hold: ${factWords(fact, lang)} is always one of ${values}`;
    }
    return lang === 'zh'
      ? `「${tests.join('」与「')}」不可能同时成立`
      : `"${tests.join('" and "')}" can never all hold`;
  });
}
