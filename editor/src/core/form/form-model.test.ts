import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_KINDS } from '../../../../engine/nodes/registry.ts';
import { defaultValue } from './default-value.ts';
import { describeSchema } from './describe-schema.ts';
import type { FieldModel } from './field-model.ts';
import { fieldKeys, findHint, itemKeys, ROOT_KEYS, variantKeys, widgetFor } from './hint-keys.ts';

const fieldOf = (model: FieldModel, key: string): FieldModel => {
  if (model.type !== 'object') throw new Error(`not an object: ${model.type}`);
  const found = model.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found.model;
};

describe('describeSchema', () => {
  it('reads objects, optional fields, defaults, enums and numbers', () => {
    const model = describeSchema(
      z.object({
        name: z.string().min(1),
        qty: z.number().int().positive().default(1),
        mode: z.enum(['a', 'b']).default('b'),
        note: z.string().optional(),
        on: z.boolean(),
      }),
    );
    expect(fieldOf(model, 'name')).toMatchObject({ type: 'text', optional: false, minLength: 1 });
    expect(fieldOf(model, 'qty')).toMatchObject({ type: 'number', integer: true, min: 1, defaultValue: 1 });
    expect(fieldOf(model, 'mode')).toMatchObject({ type: 'enum', options: ['a', 'b'], defaultValue: 'b' });
    expect(fieldOf(model, 'note')).toMatchObject({ type: 'text', optional: true });
    expect(fieldOf(model, 'on')).toMatchObject({ type: 'boolean' });
  });

  it('describes every registered kind without falling back at the top', () => {
    for (const [kind, def] of Object.entries(NODE_KINDS)) {
      const model = describeSchema(def.schema);
      expect(['object', 'union'], kind).toContain(model.type);
    }
  });

  it('turns tagged unions into variants (routing steps, approval outcomes)', () => {
    const steps = fieldOf(describeSchema(NODE_KINDS.routeChain.schema), 'steps');
    expect(steps.type).toBe('array');
    if (steps.type !== 'array' || steps.item.type !== 'union')
      throw new Error('steps should be a union list');
    expect(steps.item.discriminator).toBe('step');
    expect(steps.item.variants.map((v) => v.tag)).toEqual(['binding', 'area', 'stock', 'rank']);
    const approval = describeSchema(NODE_KINDS.approval.schema);
    expect(approval).toMatchObject({ type: 'union', discriminator: 'outcome' });
  });

  it('edits recursive conditions and unknown values as JSON, and scalars as one input', () => {
    expect(fieldOf(describeSchema(NODE_KINDS.condition.schema), 'when').type).toBe('json');
    const remark = describeSchema(NODE_KINDS.remarkExtract.schema);
    const rules = fieldOf(remark, 'rules');
    if (rules.type !== 'array' || rules.item.type !== 'union')
      throw new Error('rules should be a union list');
    const keywords = rules.item.variants.find((v) => v.tag === 'keywords')!.model;
    expect(fieldOf(keywords, 'value').type).toBe('scalar');
    const code = rules.item.variants.find((v) => v.tag === 'code')!.model;
    expect(fieldOf(code, 'brackets')).toMatchObject({ type: 'array', item: { type: 'tuple' } });
  });
});

describe('defaultValue', () => {
  it('starts a new item as zod would fill it, leaving optional values out', () => {
    const model = describeSchema(
      z.object({ id: z.string(), qty: z.number().int().positive().default(2), max: z.number().optional() }),
    );
    expect(defaultValue(model)).toEqual({ id: '', qty: 2 });
  });

  it('starts a union as its first variant, tag included', () => {
    const steps = fieldOf(describeSchema(NODE_KINDS.routeChain.schema), 'steps');
    if (steps.type !== 'array') throw new Error('steps should be a list');
    expect(defaultValue(steps.item)).toEqual({ step: 'binding', useClientBindings: true, rules: [] });
  });

  it('gives every kind a value its own schema accepts after defaults', () => {
    for (const def of Object.values(NODE_KINDS)) {
      const content = defaultValue(describeSchema(def.schema));
      expect(typeof content).toBe('object');
    }
  });
});

describe('hint keys', () => {
  it('finds list-item hints by [] and tagged-item hints by tag', () => {
    const hints = NODE_KINDS.routeChain.fields!;
    const step = variantKeys(itemKeys(fieldKeys(ROOT_KEYS, 'steps')), 'stock');
    expect(findHint(hints, fieldKeys(step, 'onNoSingleFit'))?.label.zh).toBe('无单仓能发全部商品时');
    const remark = itemKeys(fieldKeys(ROOT_KEYS, 'rules'));
    expect(widgetFor(NODE_KINDS.remarkExtract.fields, fieldKeys(remark, 'pattern'), 'pattern')).toBe('regex');
  });

  it('guesses master-data pickers from field names when a kind gives no hint', () => {
    expect(widgetFor(undefined, ['warehouse'], 'warehouse')).toBe('warehouse');
    expect(widgetFor(undefined, ['x'], 'x')).toBeUndefined();
  });
});
