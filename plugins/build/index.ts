export { type BuildIssue, type BuildIssueCode, formatBuildIssue } from './build-issue.ts';
export { type BuildResult, buildPlugin } from './build-plugin.ts';
export { BUILT_PLUGIN_SUFFIX, PLUGIN_SOURCE_SUFFIX } from './built-plugin-file.ts';
export { builtPluginPath, pluginSourceFiles, readBuiltPlugin, readBuiltPlugins } from './plugin-files.ts';
export { SDK_MODULE, transpilePlugin } from './transpile.ts';
export { type ManifestCheck, type ManifestProblem, validateManifest } from './validate-manifest.ts';
