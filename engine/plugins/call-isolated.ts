import type { DeterministicClock, PluginRef, PluginResult, PluginRunner } from '../../plugins/sdk/index.ts';

/** Solo retries that may each burn a CPU budget or kill a worker before the rest keep their failure. */
const MAX_SOLO_FAILURES = 3;

/**
 * One call for a whole batch, then a retry, one input per call, of every input whose failure may not
 * be its own, so a hostile order is held alone and the others in its batch are decided normally:
 * - after a CPU timeout the sandbox fails the input that was running and every later one, which never
 *   ran: those later ones are retried;
 * - a crashed worker or a heap overflow fails the whole batch: each input is retried.
 * Solo calls stop after MAX_SOLO_FAILURES of them fail the same way, since a plugin failing like that on
 * every order would otherwise cost a budget or a worker restart per order.
 */
export async function callIsolated(
  runner: PluginRunner,
  ref: PluginRef,
  inputs: readonly unknown[],
  clocks: readonly DeterministicClock[] | undefined,
): Promise<PluginResult[]> {
  const results = await runner.callBatch(ref, inputs, clocks ? { deterministic: clocks } : {});
  let soloFailures = 0;
  for (const i of unattributed(results)) {
    if (soloFailures >= MAX_SOLO_FAILURES) break;
    const clock = clocks?.[i];
    const [solo] = await runner.callBatch(ref, [inputs[i]], clock ? { deterministic: clock } : {});
    results[i] = solo!;
    if (!solo!.ok && isBatchWide(solo!.error.code)) soloFailures += 1;
  }
  return results;
}

type Code = Extract<PluginResult, { ok: false }>['error']['code'];

const isBatchWide = (code: Code) =>
  code === 'plugin_timeout' || code === 'plugin_crashed' || code === 'plugin_memory';

/** Indexes of failures that another input may have caused. */
function unattributed(results: readonly PluginResult[]): number[] {
  if (results.length < 2) return [];
  const codes = results.map((r) => (r.ok ? undefined : r.error.code));
  const first = codes[0];
  if ((first === 'plugin_crashed' || first === 'plugin_memory') && codes.every((c) => c === first)) {
    return results.map((_, i) => i);
  }
  const timedOut = codes.indexOf('plugin_timeout');
  if (timedOut < 0) return [];
  return codes.flatMap((code, i) => (i > timedOut && code === 'plugin_timeout' ? [i] : []));
}
