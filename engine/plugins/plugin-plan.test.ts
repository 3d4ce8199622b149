import { describe, expect, it } from 'vitest';
import { type PluginManifest, PluginManifestSchema } from '../../plugins/sdk/index.ts';
import { type CompiledStrategy, compileStrategy } from '../compiler/index.ts';
import {
  actionNode,
  conditionNode,
  remarkStrategy,
  riskStrategy,
  strategyDoc,
} from '../nodes/plugin/plugin-strategies.test-helper.ts';
import { createPipeline } from '../runtime/index.ts';
import { planPlugins } from './plugin-plan.ts';
import { PluginPlanError } from './plugin-plan-error.ts';
import { pluginUsage } from './plugin-usage.ts';
import { rewriteOperators } from './rewrite-operators.ts';

const compiled = (document: object): CompiledStrategy => {
  const result = compileStrategy(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.compiled;
};

const fact = PluginManifestSchema.parse({
  kind: 'fact',
  id: 'addressRisk',
  version: '1.0.0',
  name: 'risk',
  outputs: { score: { type: 'number' }, reasons: { type: 'array', items: { type: 'string' } } },
});
const operator = (version: string) =>
  PluginManifestSchema.parse({
    kind: 'operator',
    id: 'remarkClassifier',
    version,
    name: 'remarks',
    inputs: { fact: { type: 'string' }, value: { type: 'string' } },
  });

const plan = (documents: object[], manifests: PluginManifest[]) =>
  planPlugins(pluginUsage(documents.map(compiled)), manifests);

describe('planPlugins', () => {
  it('plans one call per plugin build, and one slot per (fact, value) an operator is used with', () => {
    const { plan: planned, issues } = plan([riskStrategy(), remarkStrategy()], [fact, operator('1.0.0')]);
    expect(issues).toEqual([]);
    expect(planned.facts.map((c) => [c.manifest.id, c.site.nodeId])).toEqual([['addressRisk', 'risk']]);
    expect(planned.operators.map((c) => c.slots)).toEqual([
      [
        { name: 'remarkClassifier_0', fact: 'buyerMessage', value: 'complaint' },
        { name: 'remarkClassifier_1', fact: 'buyerMessage', value: 'urge' },
      ],
    ]);
    // `plugin:<id>` with no version is the one build installed.
    expect(planned.slotName({ pluginId: 'remarkClassifier' }, 'buyerMessage', 'urge')).toBe(
      'remarkClassifier_1',
    );
  });

  it('rewrites plugin operators to read their precomputed answers, leaving the rule JSON as compiled', () => {
    const remarks = compiled(remarkStrategy());
    const { plan: planned } = planPlugins(pluginUsage([remarks]), [operator('1.0.0')]);
    const [rewritten] = rewriteOperators([remarks], planned);
    expect(rewritten!.rules.map((r) => r.conditions)).toEqual([
      { all: [{ fact: 'pluginOperators', path: '$.remarkClassifier_0', operator: 'equal', value: true }] },
      {
        all: [
          {
            all: [{ fact: 'pluginOperators', path: '$.remarkClassifier_1', operator: 'equal', value: true }],
          },
        ],
      },
    ]);
    expect(remarks.rules[1]!.conditions).toEqual({
      all: [{ all: [{ fact: 'buyerMessage', operator: 'plugin:remarkClassifier', value: 'urge' }] }],
    });
  });

  it('lists every use that cannot run, with its strategy and node', () => {
    const readsUndeclared = strategyDoc(
      'reads',
      'tag',
      [conditionNode('c', 'plugins.other.score', 'greaterThan', 1), actionNode('t', 'tag', { tag: 'x' })],
      [
        ['start', 'c'],
        ['c', 't', 'true'],
      ],
    );
    const readsUnprovided = strategyDoc(
      'unprovided',
      'tag',
      [
        conditionNode('c', 'plugins.addressRisk.level', 'equal', 'high'),
        actionNode('t', 'tag', { tag: 'x' }),
      ],
      [
        ['start', 'c'],
        ['c', 't', 'true'],
      ],
    );
    const { issues } = plan(
      [
        riskStrategy(),
        riskStrategy({ params: { weight: 1 } }),
        riskStrategy({ version: '1.1.0' }),
        readsUndeclared,
        readsUnprovided,
        remarkStrategy(),
      ],
      [fact, { ...fact, version: '1.1.0' }, operator('1.0.0'), operator('2.0.0')],
    );
    expect(issues.map((i) => [i.code, i.strategyId, i.nodeId])).toEqual([
      ['plugin_params_invalid', 'risk', 'risk'],
      ['plugin_conflict', 'risk', 'risk'],
      ['plugin_fact_unknown', 'reads', 't'],
      ['plugin_fact_unknown', 'unprovided', 't'],
      ['plugin_operator_ambiguous', 'remarks', 'tag-urge'],
    ]);
  });

  it('makes createPipeline refuse strategies that use plugins when it has no host', () => {
    expect(() => createPipeline([compiled(riskStrategy())])).toThrow(PluginPlanError);
    try {
      createPipeline([compiled(riskStrategy())]);
    } catch (error) {
      expect((error as PluginPlanError).issues).toEqual([
        expect.objectContaining({ code: 'plugin_unavailable', strategyId: 'risk', nodeId: 'risk' }),
      ]);
    }
  });
});
