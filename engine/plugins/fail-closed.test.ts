import { describe, expect, it } from 'vitest';
import {
  type OperatorSubject,
  type PluginCallInput,
  type PluginManifest,
  PluginManifestSchema,
  type PluginResult,
  type PluginRunner,
} from '../../plugins/sdk/index.ts';
import { type CompiledStrategy, compileStrategy } from '../compiler/index.ts';
import { testOrder } from '../nodes/gift/apply-event.test-helper.ts';
import { actionNode, conditionNode, strategyDoc } from '../nodes/plugin/plugin-strategies.test-helper.ts';
import { createPipeline } from '../runtime/index.ts';

const manifests: PluginManifest[] = [
  {
    kind: 'fact',
    id: 'addressRisk',
    version: '1.0.0',
    name: 'risk',
    reads: ['buyerMessage'],
    outputs: { score: { type: 'number' }, reasons: { type: 'array', items: { type: 'string' } } },
  },
  {
    kind: 'operator',
    id: 'remarkClassifier',
    version: '1.0.0',
    name: 'remarks',
    inputs: { fact: { type: 'string' }, value: { type: 'string' } },
  },
].map((m) => PluginManifestSchema.parse(m));

const failed = (pluginId: string): PluginResult => ({
  ok: false,
  error: { code: 'plugin_error', pluginId, message: 'no' },
});

/** Both plugins fail on an order whose buyer message is 'fail'; otherwise score 10, and no remark is urgent. */
const runner = {
  load: async () => ({ ok: true }),
  unload: async () => {},
  async callBatch(ref: { pluginId: string }, inputs: readonly PluginCallInput[]): Promise<PluginResult[]> {
    return inputs.map((input) => {
      const text =
        ref.pluginId === 'addressRisk'
          ? (input.subject as { buyerMessage: string }).buyerMessage
          : (input.subject as OperatorSubject).fact;
      if (text === 'fail') return failed(ref.pluginId);
      return { ok: true, value: ref.pluginId === 'addressRisk' ? { score: 10, reasons: [] } : false };
    });
  },
} as unknown as PluginRunner;

const compiled = (document: object): CompiledStrategy => {
  const result = compileStrategy(document, { plugins: manifests });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.compiled;
};

/** Rules that hold of a missing answer: a notEqual, a false branch, and a false branch of an operator. */
const strategy = strategyDoc(
  'reads-plugins',
  'tag',
  [
    {
      id: 'risk',
      kind: 'plugin',
      content: { pluginKind: 'fact', pluginId: 'addressRisk', version: '1.0.0', provides: ['score'] },
    },
    conditionNode('scored', 'plugins.addressRisk.score', 'notEqual', 0),
    actionNode('tag-scored', 'tag', { tag: 'scored' }),
    conditionNode('risky', 'plugins.addressRisk.score', 'greaterThanInclusive', 60),
    actionNode('tag-risky', 'tag', { tag: 'risky' }),
    actionNode('tag-low-risk', 'tag', { tag: 'low-risk' }),
    conditionNode('urgent', 'buyerMessage', 'plugin:remarkClassifier', 'urge'),
    actionNode('tag-urgent', 'tag', { tag: 'urgent' }),
    actionNode('tag-not-urgent', 'tag', { tag: 'not-urgent' }),
  ],
  [
    ['start', 'risk'],
    ['risk', 'scored'],
    ['scored', 'tag-scored', 'true'],
    ['risk', 'risky'],
    ['risky', 'tag-risky', 'true'],
    ['risky', 'tag-low-risk', 'false'],
    ['start', 'urgent'],
    ['urgent', 'tag-urgent', 'true'],
    ['urgent', 'tag-not-urgent', 'false'],
  ],
);

describe('a failed plugin answer fails closed', () => {
  for (const engine of ['compiled', 'reference'] as const) {
    it(`fires no rule that reads it, and holds the order with the plugin's reason (${engine})`, async () => {
      const pipeline = createPipeline([compiled(strategy)], {
        plugins: { runner, manifests },
        engine,
        trace: true,
      });
      const [answered, unanswered] = await pipeline.decideBatch([
        testOrder({ id: 'OK', buyerMessage: 'fine' }),
        testOrder({ id: 'FAIL', buyerMessage: 'fail' }),
      ]);
      expect(answered!.status).toBe('approved');
      expect([...answered!.tags].sort()).toEqual(['low-risk', 'not-urgent', 'scored']);
      // A guard reads the path of the condition it guards: the trace names no other fact.
      expect(answered!.trace?.find((t) => t.rule === 'tag-scored')?.facts).toEqual({
        'plugins.addressRisk.score': 10,
      });
      expect(unanswered).toMatchObject({ status: 'held', tags: [] });
      expect(unanswered!.holds.map((h) => [h.reason, h.message])).toEqual([
        ['plugin_error', 'plugin addressRisk@1.0.0 failed: plugin_error: no'],
        ['plugin_error', 'plugin remarkClassifier@1.0.0 failed: plugin_error: no'],
      ]);
    });
  }
});
