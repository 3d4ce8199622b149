import type { DeterministicClock, PluginRef, PluginResult, PluginRunner } from '../../plugins/sdk/index.ts';

/**
 * One call for a whole batch, then more only for the inputs whose failure the runner marks
 * `unattributed` (another input may have caused it), so a hostile order is held alone and the others in
 * its batch are decided normally:
 * - when the call settled some inputs (an input ran out of time, and the ones after it never ran), the
 *   unattributed ones are called again, together, without the input to blame;
 * - when it settled none (the worker crashed, the heap limit, a timeout no one input can be blamed for),
 *   every input is called again alone, and what it gets alone is its result.
 * The retry cap: every input is called alone at most once, and a batch is called again only when it
 * settled at least one input, so a batch of n costs at most n + 1 calls and an order is held only for a
 * failure of its own. A plugin that crashes its worker on every order therefore costs a worker restart
 * per order; a cap below that would hold orders that never failed.
 */
export async function callIsolated(
  runner: PluginRunner,
  ref: PluginRef,
  inputs: readonly unknown[],
  clocks: readonly DeterministicClock[] | undefined,
): Promise<PluginResult[]> {
  const call = (indexes: readonly number[]) =>
    runner.callBatch(
      ref,
      indexes.map((i) => inputs[i]),
      clocks ? { deterministic: indexes.map((i) => clocks[i]!) } : {},
    );
  const results = new Array<PluginResult>(inputs.length);
  let pending = inputs.map((_, i) => i);
  while (pending.length > 0) {
    const answers = await call(pending);
    const again = pending.filter((index, k) => {
      const answer = answers[k]!;
      results[index] = answer;
      return !answer.ok && answer.error.unattributed === true;
    });
    if (again.length === pending.length) {
      // One after another, so other callers' calls interleave with these rather than queue behind all.
      for (const index of again) results[index] = (await call([index]))[0]!;
      break;
    }
    pending = again;
  }
  return results;
}
