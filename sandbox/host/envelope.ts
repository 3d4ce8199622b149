import { PluginErrorCodeSchema, type PluginResult, parseJsonSafely } from '../../plugins/sdk/index.ts';
import { type Failure, pluginFailure } from '../failure.ts';

/** The host's check on a plugin's output (its output schema); `value` is what the caller receives. */
export type OutputCheck = (value: unknown) => { ok: true; value: unknown } | { ok: false; message: string };

type Entry = { ok: true; value: unknown } | (Failure & { ok: false });

const CODES: ReadonlySet<string> = new Set(PluginErrorCodeSchema.options);
/** FailureSchema's bound on a message. */
const MAX_MESSAGE_CHARS = 2_000;

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

/**
 * The envelope's entries, or undefined when it is not one: what a zod array of `{ ok: true, value }` or
 * `{ ok: false, …FailureSchema }` accepts, checked by hand because it runs for every input of every
 * batch (a zod union per entry was a quarter of reading an envelope). Keys beyond these are dropped.
 */
function parseEnvelope(text: string): Entry[] | undefined {
  let parsed: unknown;
  try {
    parsed = parseJsonSafely(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const entries = new Array<Entry>(parsed.length);
  for (let i = 0; i < parsed.length; i += 1) {
    const entry = toEntry(parsed[i]);
    if (entry === undefined) return undefined;
    entries[i] = entry;
  }
  return entries;
}

function toEntry(item: unknown): Entry | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const { ok, value, code, message, unattributed } = item as Record<string, unknown>;
  // zod's object wants the key, whatever its value.
  if (ok === true) return Object.hasOwn(item, 'value') ? { ok, value } : undefined;
  if (ok !== false || typeof code !== 'string' || !CODES.has(code)) return undefined;
  if (typeof message !== 'string' || message.length > MAX_MESSAGE_CHARS) return undefined;
  const failure = { ok: false as const, code: code as Failure['code'], message };
  if (unattributed === undefined) return failure;
  return unattributed === true ? { ...failure, unattributed } : undefined;
}
