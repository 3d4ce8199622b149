import {
  type ActionManifest,
  type FactManifest,
  findManifest,
  type PluginKind,
  type PluginManifest,
  paramsSchema,
  pluginLabel,
} from '../../plugins/sdk/index.ts';
import type { PluginPlanIssue, PluginPlanIssueCode } from './plugin-plan-error.ts';
import type { UseSite } from './plugin-usage.ts';

type Use = UseSite & { pluginId: string; version: string };

/** Matches plugin uses against the installed builds, collecting an issue for each that does not fit. */
export class PlanChecks {
  readonly issues: PluginPlanIssue[] = [];

  constructor(readonly manifests: readonly PluginManifest[]) {}

  report(site: UseSite, code: PluginPlanIssueCode, message: string): void {
    this.issues.push({ code, strategyId: site.strategyId, nodeId: site.nodeId, rule: site.rule, message });
  }

  /** The build a use names, when it is installed and of the kind the use needs. */
  build<K extends PluginKind>(use: Use, kind: K): Extract<PluginManifest, { kind: K }> | undefined {
    const manifest = findManifest(this.manifests, use.pluginId, use.version);
    const label = pluginLabel({ id: use.pluginId, version: use.version });
    if (manifest === undefined) {
      this.report(use, 'plugin_unknown', `no plugin ${label} is installed`);
    } else if (manifest.kind !== kind) {
      this.report(use, 'plugin_kind_mismatch', `${label} is a ${manifest.kind} plugin, used as ${kind}`);
    } else {
      return manifest as Extract<PluginManifest, { kind: K }>;
    }
    return undefined;
  }

  /** Compiling without manifests skips this check in the node, so the plan makes it. */
  paramsFit(use: UseSite, manifest: FactManifest | ActionManifest, params: Record<string, unknown>): boolean {
    const parsed = paramsSchema(manifest.inputs).safeParse(params);
    if (!parsed.success) {
      const first = parsed.error.issues[0]?.message;
      this.report(
        use,
        'plugin_params_invalid',
        `${pluginLabel(manifest)}: params do not fit its inputs: ${first}`,
      );
    }
    return parsed.success;
  }

  /** `plugin:<id>` without a version means the one build of it installed. */
  onlyVersion(use: UseSite & { pluginId: string }): string | undefined {
    const builds = this.manifests.filter((m) => m.id === use.pluginId);
    if (builds.length === 1) return builds[0]!.version;
    if (builds.length === 0) this.report(use, 'plugin_unknown', `no plugin ${use.pluginId} is installed`);
    else {
      const installed = builds.map(pluginLabel).join(', ');
      this.report(
        use,
        'plugin_operator_ambiguous',
        `plugin:${use.pluginId} names no version, and ${installed} are installed`,
      );
    }
    return undefined;
  }
}
