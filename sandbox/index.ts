// The plugin host. The contract it implements (PluginRunner, results, refs, clocks) is plugins/sdk's.
export {
  type IsolateLimits,
  type PluginHostConfig,
  type PluginHostConfigInput,
  PluginHostConfigSchema,
} from './config.ts';
export { PluginHostError, type PluginHostErrorCode } from './errors/plugin-host-error.ts';
export { SandboxError } from './errors/sandbox-error.ts';
export { hostOptionsFor } from './host/host-options.ts';
export {
  type LoadedPlugin,
  type LoadResult,
  PluginHost,
  type PluginHostOptions,
} from './host/plugin-host.ts';
export type { PluginHostEvent, WorkerExitReason } from './host/plugin-host-event.ts';
