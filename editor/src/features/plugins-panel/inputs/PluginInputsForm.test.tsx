import { describe, expect, it } from 'vitest';
import { render, textOf } from '../../../test-support/render.tsx';
import { inputFields } from './manifest-form.ts';
import { PluginInputsForm } from './PluginInputsForm.tsx';

const fields = inputFields({
  level: { type: 'string', enum: ['low', 'high'], description: 'how eager' },
  threshold: { type: 'number', integer: true, minimum: 0, maximum: 10, optional: true },
  strict: { type: 'boolean' },
});

const form = (params: Record<string, unknown>, language: 'zh-CN' | 'en' = 'zh-CN') =>
  render(<PluginInputsForm fields={fields} params={params} onChange={() => undefined} />, language);

describe('the inputs form a manifest draws', () => {
  it('offers an enum as a choice, a bounded number box, a switch; required inputs starred', async () => {
    const html = await form({ level: 'high', strict: false });
    expect(html).toContain('<option value="low">low</option>');
    expect(html).toContain('<option value="high" selected="">high</option>');
    const number = /<input type="number"[^>]*>/.exec(html)?.[0] ?? '';
    expect(number).toContain('min="0"');
    expect(number).toContain('max="10"');
    expect(number).toContain('step="1"');
    expect(html).toContain('type="checkbox"');
    expect(html.match(/og-required/g)).toHaveLength(2);
    expect(textOf(html)).toContain('how eager');
    expect(html).not.toContain('data-problem');
  });

  it('says under each field what is wrong, in the reader’s language', async () => {
    const zh = textOf(await form({ threshold: 11, strict: false, extra: 1 }));
    expect(zh).toContain('必填。');
    expect(zh).toContain('不能大于 10。');
    expect(zh).toContain('此版本未声明的输入：extra。');
    const en = textOf(await form({ level: 'medium', strict: true }, 'en'));
    expect(en).toContain('Choose one of low / high.');
  });
});
