// The host side of the SDK. Plugin authors import '@ordergraph/plugin-sdk' instead (plugin-sdk.d.ts).
export type { BuiltPlugin } from './built-plugin.ts';
export type { OperatorSubject, PluginCallInput } from './call-input.ts';
export {
  DEFAULT_HOST_CAPS,
  DEFAULT_PLUGIN_LIMITS,
  type GrantedLimits,
  grantLimits,
  type PluginLimits,
} from './limits.ts';
export {
  type ActionManifest,
  type FactManifest,
  findManifest,
  type OperatorManifest,
  PLUGIN_IDENTIFIER,
  type PluginKind,
  type PluginManifest,
  PluginManifestSchema,
  pluginLabel,
  SemverSchema,
} from './manifest.ts';
export { type PluginRef, PluginRefSchema } from './plugin-ref.ts';
export {
  type PluginErrorCode,
  PluginErrorCodeSchema,
  type PluginFailure,
  type PluginResult,
} from './plugin-result.ts';
export type { CallOptions, DeterministicClock, PluginDefinition, PluginRunner } from './plugin-runner.ts';
export { paramsSchema, resultSchema } from './result-schema.ts';
export { DROPPED_KEYS, parseJsonSafely } from './safe-json.ts';
export { type ParamSpec, type ValueSpec, valueSchema } from './value-spec.ts';
