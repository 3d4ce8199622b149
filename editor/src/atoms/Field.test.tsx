import { describe, expect, it } from 'vitest';
import { render, textOf } from '../test-support/render.tsx';
import { Field } from './Field.tsx';

describe('Field', () => {
  it('labels its control, explains it, and shows the compiler’s issue for it', async () => {
    const html = await render(
      <Field
        label="原因代码"
        help="用于统计"
        issues={[
          {
            code: 'content_invalid',
            severity: 'error',
            path: 'nodes[1].content.reason',
            message: 'reason: is required',
          },
        ]}
      >
        {(id) => <input id={id} />}
      </Field>,
    );
    const id = /<label[^>]*for="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<input id="${id}"/>`);
    expect(html).toContain('og-field--invalid');
    expect(textOf(html)).toBe('原因代码 用于统计 reason: is required');
  });
});
