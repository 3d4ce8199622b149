import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, eventDef, FACT_LABELS, FAMILIES, NODE_KINDS, OPERATORS } from '../../core/engine.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

/** Every key, with plural suffixes folded: English has _one and _other, Chinese only _other. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(one|other)$/, '')}`]
      : keys(value, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  it('has the same keys in English and Chinese', () => {
    expect([...new Set(keys(zh))].sort()).toEqual([...new Set(keys(en))].sort());
  });

  it('names every family and every issue code in both languages', () => {
    for (const family of FAMILIES) {
      expect(en.family[family]).toBeTruthy();
      expect(zh.family[family]).toBeTruthy();
    }
    expect(Object.keys(zh.issueCode).length).toBeGreaterThanOrEqual(24);
  });

  it('speaks the consultant’s language in Chinese', () => {
    expect(zh.family.approval).toBe('审单');
    expect(zh.family.routing).toBe('分仓');
    expect(zh.family.gift).toBe('赠品');
  });

  it('takes kind, event and operator labels from the engine registry, in both languages', () => {
    for (const def of Object.values(NODE_KINDS)) expect(def.label.zh && def.label.en).toBeTruthy();
    for (const type of EVENT_TYPES) expect(eventDef(type)!.label.zh && eventDef(type)!.label.en).toBeTruthy();
    for (const op of OPERATORS) expect(op.label.zh && op.label.en).toBeTruthy();
    for (const label of Object.values(FACT_LABELS)) expect(label.zh && label.en).toBeTruthy();
  });
});
