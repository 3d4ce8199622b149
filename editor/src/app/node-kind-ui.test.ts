import { describe, expect, it } from 'vitest';
import { NODE_KINDS, type NodeKindName } from '../core/engine.ts';
import type { SummaryContext } from '../core/views/node-view.ts';
import { pickLabel } from '../infrastructure/i18n/pick-label.ts';
import { NODE_KIND_UI } from './node-kind-ui.ts';

const words = { fact: (path: string) => path, operator: (name: string) => name, and: '&', or: '|', not: '!' };
const say = (language: string): SummaryContext => ({ label: (l) => pickLabel(l, language), words });
const summary = (kind: NodeKindName, content: unknown, language: string) =>
  NODE_KIND_UI[kind].summary(content, say(language));

describe('the editor’s kind registry', () => {
  it('sums up every kind’s default content in both languages, in words rather than keys', () => {
    for (const kind of Object.keys(NODE_KINDS) as NodeKindName[]) {
      for (const language of ['en', 'zh-CN']) {
        const text = summary(kind, NODE_KINDS[kind].defaults(), language);
        expect(text, `${kind} in ${language}`).not.toMatch(/\{\{|^\w+\.\w+$/);
      }
    }
  });

  it('names an action’s event as the engine kind declaring it does', () => {
    const hold = { type: 'hold', params: { reason: 'unpaid' } };
    expect(summary('action', hold, 'en')).toBe('Hold unpaid');
    expect(summary('action', hold, 'zh-CN')).toBe('拦截 unpaid');
    expect(summary('action', { type: 'nope', params: {} }, 'en')).toBe('nope');
  });

  it('counts rows and rules in each language’s way', () => {
    const table = (rows: number) => ({
      inputs: [{ fact: 'platform', label: '' }],
      outputs: [{ param: 'warehouse', label: '' }],
      rows: Array.from({ length: rows }, () => ({})),
    });
    expect(summary('decisionTable', table(1), 'en')).toBe('1 row · platform → warehouse');
    expect(summary('decisionTable', table(2), 'en')).toBe('2 rows · platform → warehouse');
    expect(summary('decisionTable', table(2), 'zh-CN')).toBe('2 行 · platform → warehouse');
    expect(summary('giftRules', { rules: [{}] }, 'en')).toBe('1 rule');
    expect(summary('remarkExtract', { rules: [{}, {}] }, 'zh-CN')).toBe('2 条规则');
  });
});
