import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import { createPipeline, type Pipeline, type PipelineOptions } from '../../engine/runtime/index.ts';
import type { PipelineFactorySpec } from '../threads/messages.ts';

/**
 * Builds the pipeline a decide worker runs. The default is `createPipeline`; a spec names another
 * module (a plugin-enabled pipeline in deterministic mode, say) by URL, since a function cannot be
 * sent to a worker thread, and its extra options as plain data.
 */
export type PipelineFactory = (
  strategies: readonly CompiledStrategy[],
  options: PipelineOptions,
) => SimulationPipeline | Promise<SimulationPipeline>;

/**
 * A pipeline a factory builds. One that keeps output of its own (a decision log) writes it out in
 * `flush`, which the decide worker calls after each batch and before answering it: the worker is
 * terminated without notice once the last batch is answered.
 */
export interface SimulationPipeline extends Pipeline {
  flush?(): void;
}

export async function loadPipelineFactory(
  spec: PipelineFactorySpec | undefined,
): Promise<{ factory: PipelineFactory; options: Record<string, unknown> }> {
  if (!spec) return { factory: createPipeline, options: {} };
  const url = isAbsolute(spec.module) ? pathToFileURL(spec.module).href : spec.module;
  const name = spec.export ?? 'createPipeline';
  const factory = ((await import(url)) as Record<string, unknown>)[name];
  if (typeof factory !== 'function') throw new Error(`${spec.module} has no function export "${name}"`);
  return { factory: factory as PipelineFactory, options: spec.options ?? {} };
}
