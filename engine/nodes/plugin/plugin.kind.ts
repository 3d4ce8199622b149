import { toFactRef } from '../../facts/index.ts';
import type { NestedCondition } from '../../rules/schema.ts';
import { defineNodeKind, type Emission, type FieldHints, type OutputBranch } from '../node-kind.ts';
import { pluginActionEvent } from './plugin-action.event.ts';
import { type PluginContent, PluginContentSchema } from './plugin-content.ts';
import { pluginFactsEvent } from './plugin-facts.event.ts';
import { pluginOperator } from './plugin-operator.ts';
import { validatePluginNode } from './validate-plugin-node.ts';

/** `not (all of nothing)`: a condition no order meets, in every json-rules-engine runtime. */
const NEVER: NestedCondition = { not: { all: [] } };

const THEN: OutputBranch = { handle: 'out', label: { en: 'then', zh: '然后' }, condition: null };

function operatorCondition(content: Extract<PluginContent, { pluginKind: 'operator' }>): NestedCondition {
  const ref = toFactRef(content.fact);
  const operator = pluginOperator(content.pluginId, content.version);
  return ref.path === undefined
    ? { fact: ref.fact, operator, value: content.value }
    : { fact: ref.fact, path: ref.path, operator, value: content.value };
}

function outputs(content: PluginContent): OutputBranch[] {
  if (content.pluginKind !== 'operator') return [THEN];
  const when = operatorCondition(content);
  return [
    { handle: 'true', label: { en: 'yes', zh: '是' }, condition: when },
    { handle: 'false', label: { en: 'no', zh: '否' }, condition: { not: when } },
  ];
}

/**
 * A fact plugin's node emits a declaration: a rule that never fires, whose event tells the pipeline
 * which plugin to call with which params. Plugins run in batches before any stage (the sandbox is
 * too costly to enter mid-rule), so the call cannot wait for an order to reach the node; what the
 * node decides is where its facts may be tested.
 */
function emit(content: PluginContent): Emission[] {
  const { pluginId, version } = content;
  switch (content.pluginKind) {
    case 'fact': {
      const params = { pluginId, version, params: content.params, provides: content.provides };
      return [{ key: '', condition: NEVER, event: { type: 'pluginFacts', params } }];
    }
    case 'action':
      return [
        {
          key: '',
          condition: null,
          event: { type: 'pluginAction', params: { pluginId, version, params: content.params } },
        },
      ];
    case 'operator':
      return [];
  }
}

const fields: FieldHints = {
  pluginId: {
    label: { en: 'Plugin', zh: '插件' },
    help: { en: 'An installed plugin of this client.', zh: '本客户已安装的插件。' },
  },
  version: {
    label: { en: 'Version', zh: '版本' },
    help: { en: 'The plugin build this strategy was drawn against.', zh: '策略所依据的插件版本。' },
  },
  params: {
    label: { en: 'Params', zh: '参数' },
    help: { en: 'What the plugin manifest’s inputs ask for.', zh: '插件清单 inputs 中声明的参数。' },
  },
  provides: {
    label: { en: 'Provides', zh: '提供的事实' },
    help: {
      en: 'Outputs later conditions test as plugins.<plugin>.<field>.',
      zh: '后续条件以 plugins.<插件>.<字段> 读取的输出。',
    },
  },
  fact: {
    label: { en: 'Field', zh: '字段' },
    help: { en: 'The order field the operator tests.', zh: '运算符检验的订单字段。' },
    widget: 'fact',
  },
};

/** 插件: runs a sandboxed plugin: facts for later conditions, changes to the decision, or a branch. */
export const pluginKind = defineNodeKind<PluginContent>({
  kind: 'plugin',
  version: 1,
  group: 'flow',
  label: { en: 'Plugin', zh: '插件' },
  description: {
    en: 'Calls a sandboxed plugin: a fact plugin for values later conditions test, an action plugin for decision changes, an operator plugin to branch.',
    zh: '调用沙箱插件：事实插件提供后续条件可检验的值，动作插件修改决策，运算符插件用于分支。',
  },
  schema: PluginContentSchema,
  defaults: () => ({
    pluginKind: 'fact',
    pluginId: 'myPlugin',
    version: '1.0.0',
    params: {},
    provides: ['score'],
  }),
  acceptsInput: true,
  outputs,
  requiredOutputs: (content) =>
    content.pluginKind === 'fact' ? ['out'] : content.pluginKind === 'operator' ? ['true'] : [],
  validate: validatePluginNode,
  emit,
  fields,
  events: [pluginFactsEvent, pluginActionEvent],
  migrations: {},
});
