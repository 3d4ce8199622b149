import { describe, expect, it } from 'vitest';
import { describeZodIssues } from '../../engine/errors/index.ts';
import { PluginManifestSchema } from './manifest.ts';

const fact = {
  kind: 'fact',
  id: 'addressRisk',
  version: '1.0.0',
  name: 'Address risk',
  reads: ['receiver.address'],
  outputs: { score: { type: 'number', minimum: 0, maximum: 100 } },
};

function problems(manifest: unknown): string[] {
  const parsed = PluginManifestSchema.safeParse(manifest);
  return parsed.success ? [] : describeZodIssues(parsed.error).map((i) => `${i.field}: ${i.message}`);
}

describe('PluginManifestSchema', () => {
  it('accepts each kind and fills defaults', () => {
    expect(PluginManifestSchema.parse(fact)).toEqual({ ...fact, inputs: {} });
    expect(
      PluginManifestSchema.parse({
        kind: 'action',
        id: 'giftStock',
        version: '2.1.0-beta.1',
        name: 'Gift stock',
        inputs: { minLeft: { type: 'number', integer: true, optional: true } },
        outputs: { flags: ['gift_stock_low'] },
      }),
    ).toMatchObject({ reads: [], inputs: { minLeft: { optional: true } } });
    expect(
      PluginManifestSchema.parse({
        kind: 'operator',
        id: 'remarkClassifier',
        version: '1.0.0',
        name: 'Remark classifier',
        inputs: { fact: { type: 'string' }, value: { type: 'string', enum: ['urge', 'other'] } },
      }),
    ).toMatchObject({ outputs: { type: 'boolean' } });
  });

  it('names each problem by its path in the manifest', () => {
    expect(problems({ ...fact, id: 'address-risk', version: '1.0', extra: true })).toEqual([
      'id: start with a lower-case letter, then letters and digits (camelCase)',
      'version: use a semantic version such as 1.0.0',
      expect.stringMatching(/^: Unrecognized key: "extra"/),
    ]);
    expect(problems({ ...fact, reads: ['receiver..address'], outputs: {} })).toEqual([
      'reads[0]: a dotted order field path such as receiver.province',
      'outputs: declare at least one output field',
    ]);
    expect(problems({ ...fact, outputs: { score: { type: 'number', minimum: 5, maximum: 1 } } })).toEqual([
      'outputs.score: minimum 5 is above maximum 1',
    ]);
    expect(problems({ ...fact, outputs: { score: { type: 'object' } } })).toEqual([
      expect.stringMatching(/^outputs\.score\.type: /),
    ]);
  });

  it('bounds the limit wishes and requires something declared for an action', () => {
    expect(problems({ ...fact, timeoutMs: 60_000, memoryMb: 4 })).toEqual([
      expect.stringMatching(/^timeoutMs: /),
      expect.stringMatching(/^memoryMb: /),
    ]);
    expect(problems({ ...fact, kind: 'action', outputs: {} })).toEqual([
      'outputs: declare at least one of holds, flags, tags or extracted',
    ]);
  });

  it('gives an operator no reads: it is sent the fact value, not the order', () => {
    expect(
      problems({
        kind: 'operator',
        id: 'op',
        version: '1.0.0',
        name: 'op',
        reads: ['buyerMessage'],
        inputs: { fact: { type: 'string' }, value: { type: 'string' } },
      }),
    ).toEqual([expect.stringMatching(/Unrecognized key: "reads"/)]);
  });
});
