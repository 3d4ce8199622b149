import { describe, expect, it } from 'vitest';
import { PluginManifestSchema } from './manifest.ts';
import { paramsSchema, resultSchema } from './result-schema.ts';

const factManifest = PluginManifestSchema.parse({
  kind: 'fact',
  id: 'risk',
  version: '1.0.0',
  name: 'risk',
  outputs: {
    score: { type: 'number', integer: true, minimum: 0, maximum: 100 },
    level: { type: 'string', enum: ['low', 'high'] },
    reasons: { type: 'array', items: { type: 'string' }, maxItems: 2 },
  },
});

const actionManifest = PluginManifestSchema.parse({
  kind: 'action',
  id: 'stock',
  version: '1.0.0',
  name: 'stock',
  outputs: {
    flags: ['low'],
    tags: ['gift'],
    extracted: { skus: { type: 'array', items: { type: 'string' } } },
  },
});

describe('resultSchema', () => {
  it('takes exactly the declared fact fields, each of its type', () => {
    const schema = resultSchema(factManifest);
    expect(schema.safeParse({ score: 40, level: 'low', reasons: ['x'] }).success).toBe(true);
    for (const bad of [
      { score: 40.5, level: 'low', reasons: [] },
      { score: 40, level: 'medium', reasons: [] },
      { score: 40, level: 'low', reasons: ['a', 'b', 'c'] },
      { score: 40, level: 'low' },
      { score: 40, level: 'low', reasons: [], debug: 1 },
    ]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
  });

  it('lets an action return only what it declared', () => {
    const schema = resultSchema(actionManifest);
    expect(schema.safeParse({}).success).toBe(true);
    expect(
      schema.safeParse({
        flags: [{ reason: 'low', message: 'm' }],
        tags: ['gift'],
        extracted: { skus: ['A'] },
      }).success,
    ).toBe(true);
    for (const bad of [
      { flags: [{ reason: 'other' }] },
      { holds: [{ reason: 'low' }] },
      { tags: ['vip'] },
      { extracted: { other: 1 } },
    ]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
  });

  it('takes a boolean from an operator', () => {
    const operator = PluginManifestSchema.parse({
      kind: 'operator',
      id: 'op',
      version: '1.0.0',
      name: 'op',
      inputs: { fact: { type: 'string' }, value: { type: 'string' } },
    });
    expect(resultSchema(operator).safeParse(true).success).toBe(true);
    expect(resultSchema(operator).safeParse('true').success).toBe(false);
  });
});

describe('paramsSchema', () => {
  it('requires the inputs not marked optional and refuses others', () => {
    const schema = paramsSchema({
      threshold: { type: 'number', minimum: 0 },
      note: { type: 'string', optional: true },
    });
    expect(schema.safeParse({ threshold: 3 }).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(false);
    expect(schema.safeParse({ threshold: -1 }).success).toBe(false);
    expect(schema.safeParse({ threshold: 3, other: 1 }).success).toBe(false);
  });
});
