import type { TFunction } from 'i18next';
import { type ConditionWords, describeCondition, describeValue } from '../conditions/describe-condition.ts';
import { approvalPreset, type Label, type NodeKindName } from '../engine.ts';

/** What a node's summary may use to speak the consultant's language. */
export interface SummaryContext {
  t: TFunction;
  label(label: Label | undefined): string;
  words: ConditionWords;
}

/** How one kind looks on the canvas: an icon, a colour family, and a one-line summary of its content. */
// Icons are plain symbols (Geometric Shapes, Dingbats) that ship with common fonts, not emoji.
export interface NodeView {
  icon: string;
  tone:
    | 'flow'
    | 'approval'
    | 'remark'
    | 'gift'
    | 'substitution'
    | 'split'
    | 'routing'
    | 'carrier'
    | 'tag'
    | 'start';
  summary(content: unknown, context: SummaryContext): string;
}

type Content = Record<string, unknown>;
const asContent = (value: unknown): Content => (value && typeof value === 'object' ? (value as Content) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * One entry per kind, checked by the compiler (a `Record` over the registry's kind names): a kind
 * added to the engine without a view here does not build.
 */
export const NODE_VIEWS: Record<NodeKindName, NodeView> = {
  start: { icon: '▶', tone: 'start', summary: (_, { t }) => t('summary.start') },
  condition: {
    icon: '◇',
    tone: 'flow',
    summary: (content, { words }) => describeCondition(asContent(content).when as never, words),
  },
  switch: {
    icon: '⋔',
    tone: 'flow',
    summary: (content, { t, words }) => {
      const c = asContent(content);
      const cases = list(c.cases).map((x) => String(asContent(x).label || asContent(x).id || '?'));
      return t('summary.switch', { fact: words.fact(String(c.fact ?? '')), cases: cases.join(' / ') });
    },
  },
  decisionTable: {
    icon: '▦',
    tone: 'flow',
    summary: (content, { t, words }) => {
      const c = asContent(content);
      const inputs = list(c.inputs).map((x) =>
        String(asContent(x).label || words.fact(String(asContent(x).fact))),
      );
      const outputs = list(c.outputs).map((x) => String(asContent(x).label || asContent(x).param));
      return t('summary.table', {
        count: list(c.rows).length,
        inputs: inputs.join('、'),
        outputs: outputs.join('、'),
      });
    },
  },
  action: {
    icon: '⚡',
    tone: 'flow',
    summary: (content, { t }) => {
      const c = asContent(content);
      const params = Object.values(asContent(c.params)).map(describeValue).join(' ');
      return `${t(`event.${String(c.type)}`, { defaultValue: String(c.type) })} ${params}`.trim();
    },
  },
  approval: {
    icon: '✔',
    tone: 'approval',
    summary: (content, { t }) => {
      const c = asContent(content);
      const outcome = t(`outcome.${String(c.outcome)}`, { defaultValue: String(c.outcome) });
      return c.reason ? `${outcome}: ${String(c.reason)}` : outcome;
    },
  },
  approvalCheck: {
    icon: '⚑',
    tone: 'approval',
    summary: (content, { label }) => {
      const preset = approvalPreset(String(asContent(content).preset));
      return preset ? label(preset.label) : String(asContent(content).preset ?? '');
    },
  },
  remarkExtract: {
    icon: '✎',
    tone: 'remark',
    summary: (content, { t }) => t('summary.rules', { count: list(asContent(content).rules).length }),
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
  },
  giftRules: {
    icon: '❖',
    tone: 'gift',
    summary: (content, { t }) => t('summary.rules', { count: list(asContent(content).rules).length }),
  },
  substitute: {
    icon: '⇄',
    tone: 'substitution',
    summary: (content) =>
      list(asContent(content).substitutions)
        .map((x) => `${String(asContent(x).from)}→${String(asContent(x).to)}`)
        .join(', '),
  },
  split: {
    icon: '✂',
    tone: 'split',
    summary: (content, { t }) => {
      const c = asContent(content);
      const parts = [
        asContent(c.bulky).fromCatalogue || list(asContent(c.bulky).skus).length
          ? t('summary.splitBulky')
          : '',
        c.presale ? t('summary.splitPresale') : '',
        c.maxParcelWeightG ? t('summary.splitWeight', { grams: c.maxParcelWeightG }) : '',
      ];
      return parts.filter(Boolean).join(' · ');
    },
  },
  routeChain: {
    icon: '⌂',
    tone: 'routing',
    summary: (content, { t }) =>
      list(asContent(content).steps)
        .map((x) => {
          const step = asContent(x);
          const name = t(`step.${String(step.step)}`, { defaultValue: String(step.step) });
          return step.step === 'rank'
            ? `${name}(${t(`rank.${String(step.by)}`, { defaultValue: String(step.by) })})`
            : name;
        })
        .join(' → '),
  },
  plugin: {
    icon: '⚙',
    tone: 'flow',
    summary: (content, { t }) => {
      const c = asContent(content);
      return `${t(`pluginKind.${String(c.pluginKind)}`, { defaultValue: String(c.pluginKind) })} · ${String(c.pluginId)}@${String(c.version)}`;
    },
  },
  carrierChain: {
    icon: '➤',
    tone: 'carrier',
    summary: (content, { t }) =>
      t(`carrierMode.${String(asContent(content).mode)}`, { defaultValue: String(asContent(content).mode) }),
  },
};

export const UNKNOWN_VIEW: NodeView = { icon: '?', tone: 'flow', summary: () => '' };

export function viewOf(kind: string): NodeView {
  return Object.hasOwn(NODE_VIEWS, kind) ? NODE_VIEWS[kind as NodeKindName] : UNKNOWN_VIEW;
}
