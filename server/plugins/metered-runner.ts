import type {
  CallOptions,
  PluginDefinition,
  PluginRef,
  PluginResult,
  PluginRunner,
} from '../../plugins/sdk/index.ts';
import type { Metrics } from '../metrics/metrics.ts';

/** Failures that mean the worker running the batch was lost (and restarted by the pool). */
const WORKER_LOST = new Set(['plugin_crashed']);

/**
 * The pool as the pipelines see it, counting for /metrics: calls and failures by plugin and reason, call
 * latency, and the worker restarts a plugin's batches caused.
 */
export class MeteredRunner implements PluginRunner {
  constructor(
    private readonly runner: PluginRunner,
    private readonly metrics: Metrics,
  ) {}

  load(definition: PluginDefinition) {
    return this.runner.load(definition);
  }

  unload(ref: PluginRef): Promise<void> {
    return this.runner.unload(ref);
  }

  async callBatch(
    ref: PluginRef,
    inputs: readonly unknown[],
    options?: CallOptions,
  ): Promise<PluginResult[]> {
    const plugin = `${ref.pluginId}@${ref.version}`;
    const started = performance.now();
    const results = await this.runner.callBatch(ref, inputs, options);
    this.metrics.pluginDuration.observe({ plugin }, (performance.now() - started) / 1000);
    this.metrics.pluginCalls.inc({ plugin }, inputs.length);
    let lost = false;
    for (const result of results) {
      if (result.ok) continue;
      this.metrics.pluginFailures.inc({ plugin, reason: result.error.code });
      if (WORKER_LOST.has(result.error.code)) lost = true;
    }
    if (lost) this.metrics.pluginWorkerRestarts.inc({ plugin });
    return results;
  }
}
