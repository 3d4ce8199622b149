import { describe, expect, it } from 'vitest';
import { compileRules } from './compile-rules.ts';
import { RemarkRuleSchema } from './remark-schema.ts';

const run = (rule: object, text: string) =>
  compileRules([RemarkRuleSchema.parse({ id: 'r', key: 'k', ...rule })])
    .run(text)
    .map(({ value, evidence }) => [value, evidence]);

describe('remark rules', () => {
  it('keywords: any one, all of them, none when an "unless" word appears', () => {
    const urgent = { type: 'keywords', keywords: ['加急', '急用'] };
    expect(run(urgent, '急用！！😭 麻烦加急')).toEqual([[true, '加急 急用']]);
    expect(run({ ...urgent, match: 'all' }, '麻烦加急')).toEqual([]);
    expect(run({ ...urgent, unless: ['不急'] }, '不急，不用加急')).toEqual([]);
  });

  it('keywords ignore case, full-width forms and spaces, but not Latin words running on', () => {
    const ems = { type: 'keywords', keywords: ['EMS'], value: 'EMS' };
    expect(run(ems, '请用ｅｍｓ寄')).toEqual([['EMS', 'ems']]);
    expect(run(ems, '发 E M S')).toEqual([['EMS', 'ems']]);
    expect(run(ems, 'two items please')).toEqual([]);
  });

  it('regex: the value template takes capture groups, once unless the rule collects', () => {
    const taxId = {
      type: 'regex',
      pattern: '税号\\s*[:]?\\s*([0-9A-Z]{18})',
      value: '$1',
    };
    expect(run(taxId, '发票抬头：某某公司 税号：91330106MA27XK5T2Q')).toEqual([
      ['91330106MA27XK5T2Q', '税号:91330106MA27XK5T2Q'],
    ]);
    const sizes = { type: 'regex', pattern: '(?<size>[SML])码', value: '$<size>', collect: true };
    expect(run(sizes, 'S码一件 L码一件').map(([v]) => v)).toEqual(['S', 'L']);
  });

  it('regex: every match matchAll gives, past empty matches and whole emoji under the u flag, each text afresh', () => {
    const rule = {
      type: 'regex',
      pattern: '\\p{Extended_Pictographic}?',
      flags: 'u',
      value: '$&',
      collect: true,
    };
    const text = 'a😭b🎁';
    const expected = [...text.matchAll(/\p{Extended_Pictographic}?/gu)].map((m) => m[0]).filter(Boolean);
    const rules = compileRules([RemarkRuleSchema.parse({ id: 'r', key: 'k', ...rule })]);
    expect(rules.run(text).map((f) => f.value)).toEqual(expected);
    expect(rules.run(text).map((f) => f.value)).toEqual(['😭', '🎁']);
  });

  it('codes: any bracket pair, full width normalised, mapped or by prefix', () => {
    const carrier = {
      type: 'code',
      prefix: 'W:',
      codes: [{ code: 'W:YD', value: 'YUNDA' }],
    };
    expect(run(carrier, '客服备注{W:SF}')).toEqual([['SF', '{W:SF}']]);
    expect(run(carrier, '｛Ｗ：ｅｍｓ｝')).toEqual([['EMS', '{W:ems}']]);
    expect(run(carrier, '【W:YD】已核实')).toEqual([['YUNDA', '【W:YD】']]);
    expect(run(carrier, '{OK} [备注]')).toEqual([]);
    expect(
      run({ type: 'code', brackets: [['<', '>']], codes: [{ code: 'ok', value: true }] }, '<OK>'),
    ).toEqual([[true, '<OK>']]);
  });

  it('dictionaries: many words to one value, each entry with its own exceptions', () => {
    const carrier = {
      type: 'dictionary',
      entries: [
        { value: 'SF', words: ['发顺丰', '顺丰快递', 'SF'], unless: ['不要顺丰'] },
        { value: 'JD', words: ['走京东', '京东快递'] },
      ],
    };
    expect(run(carrier, '亲，发顺丰哦')).toEqual([['SF', '发顺丰']]);
    expect(run(carrier, '不要顺丰，走京东')).toEqual([['JD', '走京东']]);
    expect(run(carrier, '顺丰快递或者京东快递都行').map(([v]) => v)).toEqual(['SF', 'JD']);
  });

  it('reports a pattern that does not compile instead of throwing, and runs the other rules', () => {
    const rules = [
      RemarkRuleSchema.parse({ id: 'broken', key: 'k', type: 'regex', pattern: '([' }),
      RemarkRuleSchema.parse({ id: 'ok', key: 'urgent', type: 'keywords', keywords: ['加急'] }),
    ];
    const compiled = compileRules(rules);
    expect(compiled.errors).toEqual([
      { ruleId: 'broken', message: expect.stringContaining('Invalid regular expression') },
    ]);
    expect(compiled.run('加急').map((f) => f.key)).toEqual(['urgent']);
  });
});
