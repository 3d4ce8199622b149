// The host side of the SDK. Plugin authors import '@ordergraph/plugin-sdk' instead (plugin-sdk.d.ts).
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
export { paramsSchema, resultSchema } from './result-schema.ts';
export { type ParamSpec, type ValueSpec, valueSchema } from './value-spec.ts';
