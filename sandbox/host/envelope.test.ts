import { describe, expect, it } from 'vitest';
import { readEnvelope } from './envelope.ts';

describe('readEnvelope', () => {
  it('maps entries to results and applies the output check to values only', () => {
    const text = '[{"ok":true,"value":{"n":1}},{"ok":false,"code":"plugin_error","message":"boom"}]';
    const check = (value: unknown) => ({ ok: true as const, value: { checked: value } });
    expect(readEnvelope(text, 2, 'p', check)).toEqual([
      { ok: true, value: { checked: { n: 1 } } },
      { ok: false, error: { code: 'plugin_error', pluginId: 'p', message: 'boom' } },
    ]);
  });

  it.each([
    ['not JSON', '[{"ok":tru'],
    ['the wrong count', '[{"ok":true,"value":1}]'],
    ['an unknown code', '[{"ok":false,"code":"host_owned","message":"x"},{"ok":true,"value":1}]'],
  ])('fails the whole batch on %s', (_label, text) => {
    const failed = {
      ok: false,
      error: { code: 'plugin_output_invalid', pluginId: 'p', message: expect.any(String) },
    };
    expect(readEnvelope(text, 2, 'p')).toEqual([failed, failed]);
  });
});
