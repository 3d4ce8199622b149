import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../core/engine.ts';
import { render, textOf } from '../../../test-support/render.tsx';
import { FormContext } from './form-context.ts';
import { SchemaForm } from './SchemaForm.tsx';

const withHints = (kind: keyof typeof NODE_KINDS, content: unknown, language: 'zh-CN' | 'en' = 'zh-CN') => {
  const def = NODE_KINDS[kind];
  return render(
    <FormContext.Provider value={{ hints: def.fields, issues: new Map(), change: () => undefined }}>
      <SchemaForm schema={def.schema} value={content} />
    </FormContext.Provider>,
    language,
  );
};

describe('forms from the kinds’ schemas', () => {
  it('labels fields with the kind’s own hints, in Chinese', async () => {
    const text = textOf(await withHints('approval', NODE_KINDS.approval.defaults()));
    expect(text).toContain('原因代码');
    expect(text).toContain('自动释放（分钟）');
    expect(text).toContain('加急');
  });

  it('offers a tagged union’s variants and fills only the chosen one (routing steps)', async () => {
    const html = await withHints('routeChain', NODE_KINDS.routeChain.defaults(), 'en');
    expect(textOf(html)).toContain("Use warehouses' shop bindings");
    expect(textOf(html)).toContain('When no warehouse holds every line');
    expect(html).toContain('<option value="rank">Rank</option>');
    // Four steps, each a card that can be moved and removed.
    expect(html.match(/og-list__item"/g)).toHaveLength(4);
  });

  it('gives keyword lists chips and regex fields Monaco (loaded lazily)', async () => {
    const html = await withHints('remarkExtract', NODE_KINDS.remarkExtract.defaults());
    expect(html).toContain('og-tags');
    expect(html).toContain('og-regex');
  });

  it('shows the merge node’s optional same-OAID setting as a checkbox, off until set', async () => {
    const label = '仅合并收件人ID (OAID) 相同的订单';
    /** The input its label points at. */
    const boxOf = (html: string) => {
      const id = new RegExp(`for="([^"]+)">${label.replace(/[()]/g, '\\$&')}<`).exec(html)?.[1];
      return new RegExp(`<input id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
    };
    const off = boxOf(await withHints('merge', NODE_KINDS.merge.defaults()));
    expect(off).toContain('type="checkbox"');
    expect(off).not.toContain('checked');
    const on = await withHints('merge', { ...NODE_KINDS.merge.defaults(), match: { addressee: true } });
    expect(boxOf(on)).toContain('checked');
  });
});
