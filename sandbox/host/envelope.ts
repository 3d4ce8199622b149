import { z } from 'zod';
import { type PluginResult, parseJsonSafely } from '../../plugins/sdk/index.ts';
import { type Failure, FailureSchema, pluginFailure } from '../failure.ts';

/** The host's check on a plugin's output (its output schema); `value` is what the caller receives. */
export type OutputCheck = (value: unknown) => { ok: true; value: unknown } | { ok: false; message: string };

const EnvelopeSchema = z.array(
  z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    FailureSchema.extend({ ok: z.literal(false) }),
  ]),
);

/**
 * Turns the JSON the isolate built into one result per input. The text came out of untrusted code, so
 * its shape is checked before anything is believed: a malformed envelope fails the whole batch.
 */
export function readEnvelope(
  text: string,
  count: number,
  pluginId: string,
  check?: OutputCheck,
): PluginResult[] {
  const parsed = parseEnvelope(text);
  if (parsed === undefined || parsed.length !== count) {
    const malformed: Failure = {
      code: 'plugin_output_invalid',
      message: 'the sandbox returned a malformed batch',
    };
    return Array.from({ length: count }, () => pluginFailure(pluginId, malformed));
  }
  return parsed.map((entry): PluginResult => {
    if (!entry.ok) return pluginFailure(pluginId, entry);
    if (check === undefined) return { ok: true, value: entry.value };
    const checked = check(entry.value);
    return checked.ok
      ? { ok: true, value: checked.value }
      : pluginFailure(pluginId, { code: 'plugin_output_invalid', message: checked.message });
  });
}

function parseEnvelope(text: string): z.infer<typeof EnvelopeSchema> | undefined {
  try {
    const parsed = EnvelopeSchema.safeParse(parseJsonSafely(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
