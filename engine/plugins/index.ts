// Plugins in the engine: which ones a pipeline's strategies call, and their results per batch of orders.
// They run through plugins/sdk's PluginRunner, never the sandbox itself: the editor bundles the pipeline
// for the browser, and the CLI hands it the sandbox's host.
export { type DeterministicPlugins, orderClock } from './deterministic-clock.ts';
export { type Installed, installPlugins } from './install-plugins.ts';
export { OrderPlugins, type PluginHold } from './order-plugins.ts';
export { PluginPlanError, type PluginPlanIssue, type PluginPlanIssueCode } from './plugin-plan-error.ts';
export { type PipelinePlugins, type PluginStep, preparePlugins } from './plugin-step.ts';
export { type PluginUsage, pluginUsage } from './plugin-usage.ts';
export { PLUGIN_OPERATORS } from './rewrite-operators.ts';
