import type { z } from 'zod';
import type { PluginRef } from './plugin-ref.ts';
import type { PluginFailure, PluginResult } from './plugin-result.ts';

/** Deterministic mode: Math.random seeded with `seed`, Date frozen at `now` (ISO 8601). */
export interface DeterministicClock {
  seed: number;
  now: string;
}

export interface CallOptions {
  /** One clock for every input, or one per input (replay gives each order its own instant). */
  deterministic?: DeterministicClock | readonly DeterministicClock[];
}

export interface PluginDefinition<T = unknown> extends PluginRef {
  /** Plain JavaScript that sets `globalThis.__plugin = { run(input, ctx) { … } }` (see sandbox/README.md). */
  code: string;
  /** Checked by the runner for every value; a value it rejects becomes plugin_output_invalid. */
  outputSchema?: z.ZodType<T>;
}

/**
 * What runs plugin code: the sandbox's PluginHost in production, a script in tests. The engine and the
 * build call plugins only through this, so neither depends on how (or where) the code runs.
 */
export interface PluginRunner {
  /** Loads a build under its ref; a build whose code does not load comes back as its failure. */
  load(definition: PluginDefinition): Promise<{ ok: true } | { ok: false; error: PluginFailure }>;
  /** One result per input, in input order; plugin misbehaviour is a failed result, never a rejection. */
  callBatch(ref: PluginRef, inputs: readonly unknown[], options?: CallOptions): Promise<PluginResult[]>;
  /** Drops a build: the plugin build loads each source once, to read its manifest, then unloads it. */
  unload(ref: PluginRef): Promise<void>;
}
