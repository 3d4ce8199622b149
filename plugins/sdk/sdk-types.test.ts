import type * as Sdk from '@ordergraph/plugin-sdk';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { StandardOrder } from '../../engine/order/schema.ts';
import type { PluginManifestSchema } from './manifest.ts';

// plugin-sdk.d.ts is what authors and Monaco see; these checks run in `tsc`, not at test time, and hold
// it to the engine's order type and the zod manifest schema the host enforces.

/** Never called: what matters is that it type-checks. */
function authoring(sdk: typeof Sdk) {
  const fact = sdk.definePlugin({
    manifest: {
      kind: 'fact',
      id: 'risk',
      version: '1.0.0',
      name: 'risk',
      reads: ['receiver.province', 'lines.sku'],
      inputs: { weight: { type: 'number', optional: true }, mode: { type: 'string', enum: ['a', 'b'] } },
      outputs: { score: { type: 'number' }, level: { type: 'string', enum: ['low', 'high'] } },
    },
    run(order, ctx) {
      expectTypeOf(order).toEqualTypeOf<{
        receiver?: { province?: string };
        lines?: { sku?: string }[];
      }>();
      expectTypeOf(ctx.params.mode).toEqualTypeOf<'a' | 'b'>();
      expectTypeOf(ctx.params.weight).toEqualTypeOf<number | undefined>();
      expectTypeOf(ctx.lookup<number>('stock', 'A')).toEqualTypeOf<number | null>();
      return { score: 1, level: 'low' };
    },
  });
  expectTypeOf(fact.manifest.id).toEqualTypeOf<'risk'>();

  sdk.definePlugin({
    manifest: {
      kind: 'action',
      id: 'act',
      version: '1.0.0',
      name: 'act',
      reads: [],
      outputs: { flags: ['low'], extracted: { skus: { type: 'array', items: { type: 'string' } } } },
    },
    run: (order) => ({ flags: [{ reason: 'low' }], extracted: { skus: Object.keys(order) } }),
  });

  sdk.definePlugin({
    manifest: {
      kind: 'operator',
      id: 'op',
      version: '1.0.0',
      name: 'op',
      inputs: { fact: { type: 'string' }, value: { type: 'string', enum: ['urge'] } },
    },
    run: ({ fact, value }) => {
      expectTypeOf(fact).toEqualTypeOf<string>();
      expectTypeOf(value).toEqualTypeOf<'urge'>();
      return fact.includes(value);
    },
  });
}

describe('plugin-sdk.d.ts', () => {
  it('types plugins from their manifests (checked by tsc)', () => {
    expectTypeOf(authoring).toBeFunction();
  });

  it('has the engine’s standard order', () => {
    expectTypeOf<Sdk.StandardOrder>().toEqualTypeOf<StandardOrder>();
  });

  it('describes manifests the host schema accepts', () => {
    type Accepted = z.input<typeof PluginManifestSchema>;
    expectTypeOf<Sdk.FactManifest['kind']>().toExtend<Accepted['kind']>();
    expectTypeOf<keyof Sdk.FactManifest>().toEqualTypeOf<keyof Extract<Accepted, { kind: 'fact' }>>();
    expectTypeOf<keyof Sdk.ActionManifest>().toEqualTypeOf<keyof Extract<Accepted, { kind: 'action' }>>();
    expectTypeOf<keyof Sdk.OperatorManifest>().toEqualTypeOf<keyof Extract<Accepted, { kind: 'operator' }>>();
    expectTypeOf<Sdk.ValueSpec['type']>().toEqualTypeOf<'string' | 'number' | 'boolean' | 'array'>();
  });
});
