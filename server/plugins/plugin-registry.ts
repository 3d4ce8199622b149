import { createHash } from 'node:crypto';
import type { PluginBuildIssueView, PluginTrialAnswer } from '../../api/index.ts';
import type { CompiledStrategy } from '../../engine/compiler/index.ts';
import {
  installPlugins,
  type PipelinePlugins,
  PluginPlanError,
  type PluginPlanIssue,
  pluginUsage,
  preparePlugins,
} from '../../engine/plugins/index.ts';
import {
  type BuiltPlugin,
  type PluginManifest,
  type PluginRunner,
  pluginLabel,
} from '../../plugins/sdk/index.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { requireClient } from '../services/require.ts';
import { AlreadyExistsError } from '../store/errors.ts';
import type { PluginVersionRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { MeteredRunner } from './metered-runner.ts';
import { checkOutputs } from './output-check.ts';
import { runTrial, type TrialCall } from './plugin-trial.ts';
import type { PluginBuildIssue, ServerPlugins } from './server-plugins.ts';

const DEFAULT_BUILD_TIMEOUT_MS = 20_000;

/** What the build is given as the source's file name: issues read `plugin.ts:12:5`. */
const SOURCE_NAME = 'plugin.ts';

export interface UploadResult {
  record: PluginVersionRecord;
  /** False when this very source was already stored under its id and version. */
  created: boolean;
  warnings: string[];
}

const formatIssue = (issue: PluginBuildIssue) => {
  const at = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  return `${at}: ${issue.path === undefined ? '' : `manifest.${issue.path}: `}${issue.message}`;
};

const withAt = (issue: PluginBuildIssue): PluginBuildIssueView => ({ ...issue, at: formatIssue(issue) });

/** A source built and checked, nothing stored: the build, or why it would not install. */
export type BuildCheck =
  | { ok: true; plugin: BuiltPlugin; warnings: PluginBuildIssueView[] }
  | {
      ok: false;
      code: 'plugin_invalid' | 'plugin_output_invalid' | 'plugin_build_timeout';
      message: string;
      issues: PluginBuildIssueView[];
    };

/** A plugin id and version a release's strategies call. */
interface UsedBuild {
  pluginId: string;
  version: string;
}

/**
 * Each client's plugins: uploads built and stored as immutable versions, the manifests strategies are
 * compiled against, and the builds a release's pipelines run, loaded into the sandbox pool.
 */
export class PluginRegistry {
  /** Per client, the manifests of every stored build: the same array until a build is added or removed. */
  private readonly manifestCache = new Map<string, Promise<PluginManifest[]>>();

  /** What live pipelines call: the pool, counted for /metrics when there are metrics to count in. */
  private readonly runner: PluginRunner | undefined;

  constructor(
    private readonly store: Store,
    private readonly plugins: ServerPlugins | undefined,
    private readonly buildTimeoutMs = DEFAULT_BUILD_TIMEOUT_MS,
    metrics?: Metrics,
  ) {
    // Builds and upload checks use the pool directly: their throwaway plugins are no series of /metrics.
    this.runner = plugins && metrics ? new MeteredRunner(plugins.runner, metrics) : plugins?.runner;
  }

  get enabled(): boolean {
    return this.plugins !== undefined;
  }

  async upload(clientId: string, source: string, note: string, author: string): Promise<UploadResult> {
    await requireClient(this.store, clientId);
    const built = await this.check(source);
    if (!built.ok) {
      const details = built.code === 'plugin_invalid' ? { issues: built.issues } : undefined;
      throw new ApiError(422, built.code, built.message, details);
    }
    const { manifest, code } = built.plugin;
    const sourceHash = createHash('sha256').update(source).digest('hex');
    const warnings = built.warnings.map((w) => w.at);
    const existing = await this.store.plugins.get(clientId, manifest.id, manifest.version);
    if (existing) return { record: this.sameSource(existing, sourceHash), created: false, warnings };
    try {
      const record = await this.store.plugins.create({
        clientId,
        pluginId: manifest.id,
        version: manifest.version,
        manifest,
        source,
        code,
        sourceHash,
        author,
        note,
      });
      this.manifestCache.delete(clientId);
      return { record, created: true, warnings };
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      const raced = await this.store.plugins.get(clientId, manifest.id, manifest.version);
      if (!raced) throw error;
      return { record: this.sameSource(raced, sourceHash), created: false, warnings };
    }
  }

  /** Removes a build no release of the client uses (a rollback could bring any of them back). */
  async remove(clientId: string, pluginId: string, version: string): Promise<void> {
    await requireClient(this.store, clientId);
    if (!(await this.store.plugins.get(clientId, pluginId, version))) {
      throw notFound(`plugin ${pluginLabel({ id: pluginId, version })} of client "${clientId}"`);
    }
    const releases = await this.releasesUsing(clientId, pluginId, version);
    if (releases.length > 0) {
      throw new ApiError(
        409,
        'plugin_in_use',
        `${pluginLabel({ id: pluginId, version })} is used by release ${releases.join(', ')} of client "${clientId}"; a rollback could bring it back, so it stays`,
        { releases },
      );
    }
    await this.store.plugins.delete(clientId, pluginId, version);
    this.manifestCache.delete(clientId);
  }

  /** The manifests of every build the client has: what its strategies' plugin nodes are checked against. */
  manifests(clientId: string): Promise<PluginManifest[]> {
    let cached = this.manifestCache.get(clientId);
    if (!cached) {
      cached = this.store.plugins.list(clientId).then((list) => list.map((p) => p.manifest));
      cached.catch(() => this.manifestCache.delete(clientId));
      this.manifestCache.set(clientId, cached);
    }
    return cached;
  }

  /**
   * The plugins a release's strategies call, loaded into the sandbox pool for its pipelines; undefined
   * when they call none. A build the release names that is gone, or that no longer loads, is an error
   * for every order (the publish checks make it rare): nothing is decided without the plugins it needs.
   */
  async forRelease(
    clientId: string,
    strategies: readonly CompiledStrategy[],
  ): Promise<PipelinePlugins | undefined> {
    const used = usedBuilds(strategies);
    if (used.length === 0) return undefined;
    if (!this.plugins) {
      throw new ApiError(
        503,
        'plugins_disabled',
        `the live release of client "${clientId}" calls plugins (${used.map(labelOf).join(', ')}) and this server runs none`,
      );
    }
    const builds: BuiltPlugin[] = [];
    for (const { pluginId, version } of used) {
      const record = await this.store.plugins.get(clientId, pluginId, version);
      if (!record) {
        throw new ApiError(
          409,
          'plugin_missing',
          `the live release of client "${clientId}" calls ${pluginLabel({ id: pluginId, version })}, which is not installed; upload it again or publish without it`,
        );
      }
      builds.push({ formatVersion: 1, manifest: record.manifest, code: record.code });
    }
    const installed = await installPlugins(this.runner!, clientId, builds);
    if (installed.failures.length > 0) {
      const failed = installed.failures.map(
        ({ label, error }) => `${label}: ${error.code}: ${error.message}`,
      );
      throw new ApiError(503, 'plugin_unavailable', `plugins did not load: ${failed.join('; ')}`, {
        failures: installed.failures,
      });
    }
    return { runner: this.runner!, manifests: installed.manifests };
  }

  /**
   * Whether a release's strategies can run their plugins together (installed builds, one version and
   * one set of params per fact plugin, every plugin fact read provided): the issues, empty when they can.
   */
  async planIssues(clientId: string, strategies: readonly CompiledStrategy[]): Promise<PluginPlanIssue[]> {
    const manifests = await this.manifests(clientId);
    try {
      preparePlugins(strategies, this.runner ? { runner: this.runner, manifests } : undefined);
      return [];
    } catch (error) {
      if (error instanceof PluginPlanError) return [...error.issues];
      throw error;
    }
  }

  /**
   * Whether an installed build of the client holds this id and version already: with this very source
   * ('same', an upload would store nothing), other code ('other', an upload would be a 409), or not.
   */
  async installedAs(
    clientId: string,
    pluginId: string,
    version: string,
    source: string,
  ): Promise<'none' | 'same' | 'other'> {
    const existing = await this.store.plugins.get(clientId, pluginId, version);
    if (!existing) return 'none';
    return existing.sourceHash === createHash('sha256').update(source).digest('hex') ? 'same' : 'other';
  }

  /**
   * Runs a source (built now, stored nowhere) or an installed build once on one order, in a fresh
   * isolate of the production pool: the developer's test before installing, or of what is installed.
   */
  async trial(
    clientId: string,
    plugin: { source: string } | { pluginId: string; version: string },
    call: TrialCall,
  ): Promise<PluginTrialAnswer> {
    await requireClient(this.store, clientId);
    const plugins = this.requirePlugins();
    let built: BuiltPlugin;
    if ('source' in plugin) {
      const checked = await this.check(plugin.source);
      if (!checked.ok) {
        throw new ApiError(422, checked.code, checked.message, { issues: checked.issues });
      }
      built = checked.plugin;
    } else {
      const record = await this.store.plugins.get(clientId, plugin.pluginId, plugin.version);
      if (!record) {
        throw notFound(
          `plugin ${pluginLabel({ id: plugin.pluginId, version: plugin.version })} of client "${clientId}"`,
        );
      }
      built = { formatVersion: 1, manifest: record.manifest, code: record.code };
    }
    return runTrial(plugins.runner, built, call);
  }

  private requirePlugins(): ServerPlugins {
    if (!this.plugins) throw new ApiError(503, 'plugins_disabled', 'this server runs no plugins');
    return this.plugins;
  }

  /**
   * Builds a source as an upload would (esbuild, the manifest read and validated, `run` tried once on a
   * sample order against its declared outputs) and stores nothing: the build, or why it would not install.
   */
  async check(source: string): Promise<BuildCheck> {
    const plugins = this.requirePlugins();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.buildTimeoutMs);
    });
    const timedOut: BuildCheck = {
      ok: false,
      code: 'plugin_build_timeout',
      message: `the build did not finish within ${this.buildTimeoutMs} ms`,
      issues: [
        withAt({
          code: 'plugin_build_timeout',
          file: SOURCE_NAME,
          message: `the build did not finish within ${this.buildTimeoutMs} ms`,
        }),
      ],
    };
    try {
      const built = await Promise.race([plugins.build(source, SOURCE_NAME), timeout]);
      if (built === 'timeout') return timedOut;
      if (!built.ok) {
        const issues = built.issues.map(withAt);
        return {
          ok: false,
          code: 'plugin_invalid',
          message: `the plugin does not build: ${issues.map((i) => i.at).join('; ')}`,
          issues,
        };
      }
      const lie = await Promise.race([checkOutputs(plugins.runner, built.plugin), timeout]);
      if (lie === 'timeout') return timedOut;
      if (lie) {
        const message = `run's answer on a sample order does not match the manifest's outputs: ${lie.message}`;
        return {
          ok: false,
          code: 'plugin_output_invalid',
          message,
          issues: [withAt({ code: 'plugin_output_invalid', file: SOURCE_NAME, message })],
        };
      }
      return { ok: true, plugin: built.plugin, warnings: built.warnings.map(withAt) };
    } finally {
      clearTimeout(timer);
    }
  }

  private sameSource(existing: PluginVersionRecord, sourceHash: string): PluginVersionRecord {
    if (existing.sourceHash === sourceHash) return existing;
    throw new ApiError(
      409,
      'plugin_version_exists',
      `${pluginLabel({ id: existing.pluginId, version: existing.version })} is already installed with other code; builds are immutable, so raise the version in the manifest`,
    );
  }

  private async releasesUsing(clientId: string, pluginId: string, version: string): Promise<number[]> {
    const using: number[] = [];
    const compiled = new Map<string, CompiledStrategy>();
    for (const release of await this.store.releases.list(clientId)) {
      const strategies: CompiledStrategy[] = [];
      for (const { strategyId, version: v } of release.strategies) {
        const key = `${strategyId}@${v}`;
        let strategy = compiled.get(key);
        if (!strategy) {
          strategy = (await this.store.versions.get(clientId, strategyId, v))?.compiled;
          if (strategy) compiled.set(key, strategy);
        }
        if (strategy) strategies.push(strategy);
      }
      if (usedBuilds(strategies).some((b) => b.pluginId === pluginId && b.version === version)) {
        using.push(release.release);
      }
    }
    return using.sort((a, b) => a - b);
  }
}

const labelOf = (b: UsedBuild) => pluginLabel({ id: b.pluginId, version: b.version });

/** Every plugin build the strategies call, once each. */
function usedBuilds(strategies: readonly CompiledStrategy[]): UsedBuild[] {
  const usage = pluginUsage(strategies);
  const seen = new Map<string, UsedBuild>();
  for (const use of [...usage.facts, ...usage.actions, ...usage.operators]) {
    if (use.version === undefined) continue;
    seen.set(`${use.pluginId}@${use.version}`, { pluginId: use.pluginId, version: use.version });
  }
  return [...seen.values()];
}
