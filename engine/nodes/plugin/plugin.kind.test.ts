import { describe, expect, it } from 'vitest';
import { type PluginManifest, PluginManifestSchema } from '../../../plugins/sdk/index.ts';
import { compileStrategy } from '../../compiler/index.ts';
import { createReferenceEvaluator } from '../../runtime/index.ts';
import {
  giftStockStrategy,
  remarkStrategy,
  riskStrategy,
  strategyDoc,
} from './plugin-strategies.test-helper.ts';

const manifests: PluginManifest[] = [
  {
    kind: 'fact',
    id: 'addressRisk',
    version: '1.0.0',
    name: 'risk',
    reads: ['receiver.address'],
    inputs: { ruralWeight: { type: 'number', minimum: 0, optional: true } },
    outputs: { score: { type: 'number' }, reasons: { type: 'array', items: { type: 'string' } } },
  },
  {
    kind: 'action',
    id: 'giftStock',
    version: '1.0.0',
    name: 'gift',
    reads: ['lines.sku'],
    inputs: { minLeft: { type: 'number', integer: true, minimum: 0 } },
    outputs: { flags: ['gift_stock_low'] },
  },
  {
    kind: 'operator',
    id: 'remarkClassifier',
    version: '1.0.0',
    name: 'remarks',
    inputs: { fact: { type: 'string' }, value: { type: 'string', enum: ['urge', 'complaint', 'other'] } },
  },
].map((m) => PluginManifestSchema.parse(m));

const issuesOf = (document: object, plugins: readonly PluginManifest[] | undefined = manifests) =>
  compileStrategy(document, plugins ? { plugins } : {}).issues.map(({ code, nodeId, path, message }) => ({
    code,
    nodeId,
    path,
    message,
  }));

describe('plugin node kind', () => {
  it('compiles a fact plugin to a declaration rule no order ever fires, and lets later conditions test its facts', async () => {
    const result = compileStrategy(riskStrategy(), { plugins: manifests });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const [declaration, hold] = result.compiled.rules;
    expect(declaration).toMatchObject({
      name: 'risk',
      conditions: { all: [{ not: { all: [] } }] },
      event: {
        type: 'pluginFacts',
        params: { pluginId: 'addressRisk', version: '1.0.0', params: {}, provides: ['score', 'reasons'] },
      },
    });
    expect(hold?.conditions).toEqual({
      all: [
        {
          all: [
            { fact: 'plugins', path: '$.addressRisk.score', operator: 'greaterThanInclusive', value: 60 },
          ],
        },
      ],
    });
    const hits = await createReferenceEvaluator({ rules: [declaration!], conditions: {} }).evaluate({
      plugins: {},
    });
    expect(hits).toEqual([]);
  });

  it('compiles an action plugin to its event and an operator plugin to a branch on plugin:<id>@<version>', () => {
    const gift = compileStrategy(giftStockStrategy(), { plugins: manifests });
    expect(gift.ok && gift.compiled.rules.map((r) => r.event)).toEqual([
      { type: 'pluginAction', params: { pluginId: 'giftStock', version: '1.0.0', params: { minLeft: 5 } } },
    ]);
    const remarks = compileStrategy(remarkStrategy(), { plugins: manifests });
    if (!remarks.ok) throw new Error(JSON.stringify(remarks.issues));
    expect(remarks.compiled.rules.map((r) => r.conditions)).toEqual([
      { all: [{ fact: 'buyerMessage', operator: 'plugin:remarkClassifier@1.0.0', value: 'complaint' }] },
      { all: [{ all: [{ fact: 'buyerMessage', operator: 'plugin:remarkClassifier', value: 'urge' }] }] },
    ]);
  });

  it('names an unknown plugin build, and the builds of that plugin there are', () => {
    expect(issuesOf(riskStrategy({ version: '2.0.0' }))).toEqual([
      {
        code: 'unknown_reference',
        nodeId: 'risk',
        path: 'nodes[1].content.version',
        message: 'no plugin addressRisk@2.0.0; installed: addressRisk@1.0.0',
      },
    ]);
    expect(issuesOf(riskStrategy({ pluginId: 'nope' }))[0]).toMatchObject({
      message: 'no plugin nope@1.0.0',
    });
  });

  it('refuses a provided fact the manifest has no output for, params that do not fit, and the wrong kind', () => {
    expect(
      issuesOf(riskStrategy({ provides: ['score', 'grade'], params: { ruralWeight: -1, extra: 1 } })),
    ).toEqual([
      {
        code: 'unknown_fact',
        nodeId: 'risk',
        path: 'nodes[1].content.provides[1]',
        message: 'addressRisk@1.0.0 has no output "grade"; it has score, reasons',
      },
      expect.objectContaining({ code: 'content_invalid', path: 'nodes[1].content.params.ruralWeight' }),
      expect.objectContaining({ code: 'content_invalid', path: 'nodes[1].content.params.extra' }),
    ]);
    expect(issuesOf(riskStrategy({ pluginId: 'giftStock', provides: ['x'] }))).toEqual([
      expect.objectContaining({
        code: 'content_invalid',
        path: 'nodes[1].content.pluginKind',
        message: 'giftStock@1.0.0 is a action plugin, not a fact plugin',
      }),
    ]);
  });

  it('checks an operator node’s fact and value against the manifest', () => {
    const operatorDoc = (fact: string, value: unknown) =>
      strategyDoc(
        'ops',
        'remark',
        [
          {
            id: 'op',
            kind: 'plugin',
            content: { pluginKind: 'operator', pluginId: 'remarkClassifier', version: '1.0.0', fact, value },
          },
          { id: 'flag', kind: 'action', content: { type: 'flag', params: { reason: 'x' } } },
        ],
        [
          ['start', 'op'],
          ['op', 'flag', 'true'],
        ],
      );
    expect(issuesOf(operatorDoc('buyerMessage', 'urge'))).toEqual([]);
    expect(issuesOf(operatorDoc('amounts.total', 'refund')).map((i) => [i.code, i.path])).toEqual([
      ['operator_type_mismatch', 'nodes[1].content.fact'],
      ['value_type_mismatch', 'nodes[1].content.value'],
    ]);
    // Without manifests only what the content shows: plugins run before stages, so order fields only.
    expect(issuesOf(operatorDoc('decision.status', 'urge'), undefined)).toEqual([
      expect.objectContaining({ code: 'unknown_fact', path: 'nodes[1].content.fact' }),
    ]);
  });

  it('accepts plugin:<id> in plain conditions, and no malformed plugin operator', () => {
    expect(issuesOf(remarkStrategy(), undefined)).toEqual([]);
    const bad = strategyDoc(
      'bad',
      'remark',
      [
        {
          id: 'c',
          kind: 'condition',
          content: { when: { fact: 'buyerMessage', operator: 'plugin:Not-An-Id', value: 'x' } },
        },
        { id: 'flag', kind: 'action', content: { type: 'flag', params: { reason: 'x' } } },
      ],
      [
        ['start', 'c'],
        ['c', 'flag', 'true'],
      ],
    );
    expect(issuesOf(bad).map((i) => i.code)).toEqual(['operator_unknown']);
  });
});
