import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FailureSchema } from '../failure.ts';
import { readEnvelope } from './envelope.ts';

// The envelope's contract as a zod schema, which readEnvelope's hand-written check must agree with.
const EnvelopeSchema = z.array(
  z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    FailureSchema.extend({ ok: z.literal(false) }),
  ]),
);

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

  it('accepts exactly the entries the zod envelope schema accepts, and keeps what it keeps', () => {
    const entries: unknown[] = [
      { ok: true, value: { n: 1 } },
      { ok: true, value: null },
      { ok: true },
      { ok: true, value: [1, 'a'], extra: 1 },
      { ok: false, code: 'plugin_timeout', message: 'slow' },
      { ok: false, code: 'plugin_timeout', message: 'slow', unattributed: true },
      { ok: false, code: 'plugin_timeout', message: 'slow', unattributed: false },
      { ok: false, code: 'plugin_timeout', message: 'slow', unattributed: null },
      { ok: false, code: 'plugin_error', message: 'x'.repeat(2_000), extra: 'dropped' },
      { ok: false, code: 'plugin_error', message: 'x'.repeat(2_001) },
      { ok: false, code: 'plugin_error', message: 7 },
      { ok: false, code: 'plugin_error' },
      { ok: false, code: 'not_a_code', message: 'x' },
      { ok: false, code: 'toString', message: 'x' },
      { ok: 'true', value: 1 },
      { ok: 1, value: 1 },
      { value: 1 },
      {},
      [],
      [true, 1],
      null,
      'text',
      3,
    ];
    for (const entry of entries) {
      const text = JSON.stringify([entry]);
      const expected = EnvelopeSchema.safeParse(JSON.parse(text));
      const [result] = readEnvelope(text, 1, 'p');
      if (!expected.success) {
        expect(result, text).toEqual({
          ok: false,
          error: {
            code: 'plugin_output_invalid',
            pluginId: 'p',
            message: 'the sandbox returned a malformed batch',
          },
        });
        continue;
      }
      const [parsed] = expected.data;
      expect(result, text).toStrictEqual(
        parsed!.ok
          ? { ok: true, value: parsed!.value }
          : {
              ok: false,
              error: {
                code: parsed!.code,
                pluginId: 'p',
                message: parsed!.message,
                ...(parsed!.unattributed ? { unattributed: true } : {}),
              },
            },
      );
    }
    expect(readEnvelope('{"ok":true,"value":1}', 1, 'p')[0]!.ok).toBe(false);
  });
});
