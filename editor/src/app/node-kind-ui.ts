import type { ComponentType } from 'react';
import { describeCondition, describeValue } from '../core/conditions/describe-condition.ts';
import { approvalPreset, eventDef, type Label } from '../core/engine.ts';
import type { ContentEditorProps } from '../core/views/content-editor-props.ts';
import { asContent, list } from '../core/views/read-content.ts';
import { ActionEditor } from '../features/node-editor/editors/ActionEditor.tsx';
import { ApprovalCheckEditor } from '../features/node-editor/editors/ApprovalCheckEditor.tsx';
import { ConditionEditor } from '../features/node-editor/editors/ConditionEditor.tsx';
import { DecisionTableEditor } from '../features/node-editor/editors/DecisionTableEditor.tsx';
import { GenericEditor } from '../features/node-editor/editors/GenericEditor.tsx';
import { PluginEditor } from '../features/node-editor/editors/PluginEditor.tsx';
import { SwitchEditor } from '../features/node-editor/editors/SwitchEditor.tsx';
import type { NodeKindUis } from '../hooks/useNodeKindUi.ts';

const Nothing: ComponentType<ContentEditorProps> = () => null;

const rules = (count: number): Label => ({
  en: `${count} ${count === 1 ? 'rule' : 'rules'}`,
  zh: `${count} 条规则`,
});

const OUTCOMES: Record<string, Label> = {
  approve: { en: 'Approve', zh: '通过' },
  hold: { en: 'Hold', zh: '拦截' },
  flag: { en: 'Flag', zh: '标记' },
};
const ROUTE_STEPS: Record<string, Label> = {
  binding: { en: 'Shop binding', zh: '店铺绑定' },
  area: { en: 'Area', zh: '覆盖区域' },
  stock: { en: 'Stock', zh: '库存' },
  rank: { en: 'Rank', zh: '排序' },
};
const RANKS: Record<string, Label> = {
  nearest: { en: 'nearest', zh: '就近' },
  cheapest: { en: 'cheapest', zh: '最便宜' },
  priority: { en: 'priority', zh: '优先级' },
};
const CARRIER_MODES: Record<string, Label> = {
  precedence: { en: 'By precedence', zh: '按优先级' },
  cheapest: { en: 'Cheapest freight', zh: '运费最低' },
};
const PLUGIN_KINDS: Record<string, Label> = {
  fact: { en: 'Fact plugin', zh: '事实插件' },
  action: { en: 'Action plugin', zh: '动作插件' },
  operator: { en: 'Operator plugin', zh: '运算符插件' },
};

/** A value's name from `names`, or the value itself when it has none (half-edited or newer content). */
const named = (names: Record<string, Label>, value: unknown, label: (l: Label | undefined) => string) =>
  label(Object.hasOwn(names, String(value)) ? names[String(value)] : undefined) || String(value);

/**
 * The editor's side of every node kind: icon, tone, summary and content editor. Adding a kind is one
 * entry here; its texts sit in the entry, so no dictionary changes. Most kinds need nothing but their
 * schema's form; conditions, switches, tables, actions, checks and plugins get editors of their own.
 */
export const NODE_KIND_UI: NodeKindUis = {
  start: {
    icon: '▶',
    tone: 'start',
    summary: (_, { label }) => label({ en: 'Orders enter here', zh: '订单从这里进入' }),
    editor: Nothing,
  },
  condition: {
    icon: '◇',
    tone: 'flow',
    summary: (content, { words }) => describeCondition(asContent(content).when as never, words),
    editor: ConditionEditor,
  },
  switch: {
    icon: '⋔',
    tone: 'flow',
    summary: (content, { label, words }) => {
      const c = asContent(content);
      const fact = words.fact(String(c.fact ?? ''));
      const cases = list(c.cases)
        .map((x) => String(asContent(x).label || asContent(x).id || '?'))
        .join(' / ');
      return label({ en: `By ${fact}: ${cases}`, zh: `按${fact}：${cases}` });
    },
    editor: SwitchEditor,
  },
  decisionTable: {
    icon: '▦',
    tone: 'flow',
    summary: (content, { label, words }) => {
      const c = asContent(content);
      const count = list(c.rows).length;
      const inputs = list(c.inputs)
        .map((x) => String(asContent(x).label || words.fact(String(asContent(x).fact))))
        .join('、');
      const outputs = list(c.outputs)
        .map((x) => String(asContent(x).label || asContent(x).param))
        .join('、');
      return label({
        en: `${count} ${count === 1 ? 'row' : 'rows'} · ${inputs} → ${outputs}`,
        zh: `${count} 行 · ${inputs} → ${outputs}`,
      });
    },
    editor: DecisionTableEditor,
  },
  action: {
    icon: '⚡',
    tone: 'flow',
    summary: (content, { label }) => {
      const c = asContent(content);
      const type = String(c.type);
      const params = Object.values(asContent(c.params)).map(describeValue).join(' ');
      return `${label(eventDef(type)?.label) || type} ${params}`.trim();
    },
    editor: ActionEditor,
  },
  approval: {
    icon: '✔',
    tone: 'approval',
    summary: (content, { label }) => {
      const c = asContent(content);
      const outcome = named(OUTCOMES, c.outcome, label);
      return c.reason ? `${outcome}: ${String(c.reason)}` : outcome;
    },
    editor: GenericEditor,
  },
  approvalCheck: {
    icon: '⚑',
    tone: 'approval',
    summary: (content, { label }) => {
      const preset = approvalPreset(String(asContent(content).preset));
      return preset ? label(preset.label) : String(asContent(content).preset ?? '');
    },
    editor: ApprovalCheckEditor,
  },
  remarkExtract: {
    icon: '✎',
    tone: 'remark',
    summary: (content, { label }) => label(rules(list(asContent(content).rules).length)),
    editor: GenericEditor,
  },
  tag: {
    icon: '#',
    tone: 'tag',
    summary: (content) => {
      const c = asContent(content);
      return [...list(c.add).map((x) => `+${String(x)}`), ...list(c.remove).map((x) => `−${String(x)}`)].join(
        ' ',
      );
    },
    editor: GenericEditor,
  },
  giftRules: {
    icon: '❖',
    tone: 'gift',
    summary: (content, { label }) => label(rules(list(asContent(content).rules).length)),
    editor: GenericEditor,
  },
  substitute: {
    icon: '⇄',
    tone: 'substitution',
    summary: (content) =>
      list(asContent(content).substitutions)
        .map((x) => `${String(asContent(x).from)}→${String(asContent(x).to)}`)
        .join(', '),
    editor: GenericEditor,
  },
  split: {
    icon: '✂',
    tone: 'split',
    summary: (content, { label }) => {
      const c = asContent(content);
      const grams = c.maxParcelWeightG;
      const parts = [
        asContent(c.bulky).fromCatalogue || list(asContent(c.bulky).skus).length
          ? label({ en: 'big items apart', zh: '大件单独发' })
          : '',
        c.presale ? label({ en: 'presale apart', zh: '预售单独发' }) : '',
        grams ? label({ en: `max ${String(grams)} g`, zh: `每包 ≤ ${String(grams)} 克` }) : '',
      ];
      return parts.filter(Boolean).join(' · ');
    },
    editor: GenericEditor,
  },
  routeChain: {
    icon: '⌂',
    tone: 'routing',
    summary: (content, { label }) =>
      list(asContent(content).steps)
        .map((x) => {
          const step = asContent(x);
          const name = named(ROUTE_STEPS, step.step, label);
          return step.step === 'rank' ? `${name}(${named(RANKS, step.by, label)})` : name;
        })
        .join(' → '),
    editor: GenericEditor,
  },
  carrierChain: {
    icon: '➤',
    tone: 'carrier',
    summary: (content, { label }) => named(CARRIER_MODES, asContent(content).mode, label),
    editor: GenericEditor,
  },
  merge: {
    icon: '▣',
    tone: 'merge',
    summary: (content, { label }) => {
      const c = asContent(content);
      const match = asContent(c.match);
      const parts = [
        label({ en: `within ${String(c.windowHours ?? 24)} h`, zh: `${String(c.windowHours ?? 24)} 小时内` }),
        match.warehouse ? label({ en: 'same warehouse', zh: '同仓' }) : '',
        match.carrier ? label({ en: 'same carrier', zh: '同快递' }) : '',
        match.addressee ? label({ en: 'same OAID', zh: '同收件人ID' }) : '',
        c.allowPresale ? label({ en: 'presale too', zh: '含预售' }) : '',
      ];
      return parts.filter(Boolean).join(' · ');
    },
    editor: GenericEditor,
  },
  plugin: {
    icon: '⚙',
    tone: 'flow',
    summary: (content, { label }) => {
      const c = asContent(content);
      return `${named(PLUGIN_KINDS, c.pluginKind, label)} · ${String(c.pluginId)}@${String(c.version)}`;
    },
    editor: PluginEditor,
  },
};
