export {
  type IsolateLimits,
  type PluginHostConfig,
  type PluginHostConfigInput,
  PluginHostConfigSchema,
} from './config.ts';
export { PluginHostError, type PluginHostErrorCode } from './errors/plugin-host-error.ts';
export {
  type CallOptions,
  type DeterministicClock,
  type LoadedPlugin,
  type LoadResult,
  type PluginDefinition,
  PluginHost,
  type PluginHostOptions,
} from './host/plugin-host.ts';
export type { PluginHostEvent, WorkerExitReason } from './host/plugin-host-event.ts';
export { type PluginRef, PluginRefSchema } from './plugin-ref.ts';
export {
  type PluginErrorCode,
  PluginErrorCodeSchema,
  type PluginFailure,
  type PluginResult,
} from './plugin-result.ts';
export { projectFields } from './project-fields.ts';
