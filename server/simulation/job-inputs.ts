import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulationInput } from '../../api/schemas/simulations.ts';
import { type CompiledStrategy, compileStrategy } from '../../engine/compiler/index.ts';
import type { Strategy } from '../../engine/graph/schema.ts';
import { pluginUsage } from '../../engine/plugins/index.ts';
import { type StateSnapshot, StateSnapshotSchema } from '../../engine/state/index.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { masterData } from '../services/master-data.ts';
import { requireClient } from '../services/require.ts';
import type { ClientRecord, Release } from '../store/records.ts';
import type { Store } from '../store/store.ts';

/** The strategy sets a job replays, as files `simulate()` reads, and how its report names them. */
export interface JobStrategies {
  baselineRelease: number;
  /** The folder the candidate decides with: the baseline's strategies with the candidate's in their place. */
  candidateDir: string;
  /** Absent without a candidate: the baseline is then replayed alone (it is the candidate folder). */
  baselineDir: string | undefined;
  labels: { strategies: string; baseline: string | null };
  /** Strategies (of either set) that call plugins: the job needs a pipeline that runs them. */
  pluginStrategies: string[];
}

interface Problem {
  strategyId: string;
  message: string;
  issues?: unknown;
}

/**
 * A baseline release and a candidate resolved against the client: every candidate strategy
 * compiled, both sets by strategy id (the candidate is the baseline with the picks in their place).
 */
export interface ResolvedCandidate {
  client: ClientRecord;
  release: Release;
  baseline: Map<string, Strategy>;
  candidate: Map<string, Strategy>;
  /** The candidate set, compiled: what a pipeline deciding as the candidate runs. */
  compiled: Map<string, CompiledStrategy>;
  /** Strategies (of either set) that call plugins: deciding with them needs a pipeline that runs them. */
  pluginStrategies: string[];
  /** "routing draft", "carrier version 3": how reports name the picks. */
  picked: string[];
}

/**
 * Resolves the baseline release and the candidate's strategies and checks every candidate compiles
 * against the client: 422 naming each one that does not, before anything starts.
 */
export async function resolveCandidate(
  store: Store,
  clientId: string,
  input: Pick<SimulationInput, 'baseline' | 'candidate'>,
): Promise<ResolvedCandidate> {
  const client = await requireClient(store, clientId);
  const release = await baselineRelease(store, clientId, input.baseline);
  const baseline = new Map<string, Strategy>();
  const baselineCompiled = new Map<string, CompiledStrategy>();
  for (const { strategyId, version } of release.strategies) {
    const record = await store.versions.get(clientId, strategyId, version);
    if (!record) throw notFound(`version ${version} of strategy "${strategyId}"`);
    baseline.set(strategyId, record.strategy);
    baselineCompiled.set(strategyId, record.compiled);
  }
  const master = masterData(client.client);
  const candidate = new Map(baseline);
  const compiled = new Map(baselineCompiled);
  const problems: Problem[] = [];
  const picked: string[] = [];
  for (const pick of input.candidate?.strategies ?? []) {
    const strategy =
      'draft' in pick
        ? (await store.strategies.get(clientId, pick.strategyId))?.strategy
        : (await store.versions.get(clientId, pick.strategyId, pick.version))?.strategy;
    const what = 'draft' in pick ? 'draft' : `version ${pick.version}`;
    if (!strategy) {
      problems.push({ strategyId: pick.strategyId, message: `strategy "${pick.strategyId}" has no ${what}` });
      continue;
    }
    const result = compileStrategy(strategy, master ? { client: master } : {});
    if (!result.ok) {
      problems.push({
        strategyId: pick.strategyId,
        message: `the ${what} of "${pick.strategyId}" does not compile against client "${clientId}"`,
        issues: result.issues,
      });
      continue;
    }
    candidate.set(pick.strategyId, strategy);
    compiled.set(pick.strategyId, result.compiled);
    picked.push(`${pick.strategyId} ${what}`);
  }
  if (problems.length > 0) {
    throw new ApiError(
      422,
      'candidate_invalid',
      `the candidate cannot be simulated: ${problems.map((p) => p.message).join('; ')}`,
      { problems },
    );
  }
  if (candidate.size === 0) {
    throw new ApiError(
      422,
      'nothing_to_simulate',
      `release ${release.release} of client "${clientId}" has no strategies`,
    );
  }
  const pluginStrategies = strategiesCallingPlugins([...baselineCompiled.values(), ...compiled.values()]);
  return { client, release, baseline, candidate, compiled, pluginStrategies, picked };
}

/** Resolves a job's strategies (`resolveCandidate`) and writes both sets as strategy folders with the client's master data beside them. */
export async function writeJobStrategies(
  store: Store,
  clientId: string,
  input: SimulationInput,
  dir: string,
): Promise<JobStrategies> {
  const { client, release, baseline, candidate, pluginStrategies, picked } = await resolveCandidate(
    store,
    clientId,
    input,
  );
  const liveLabel = `release ${release.release}`;
  const clientJson = masterData(client.client) ? JSON.stringify(client.client) : undefined;
  const candidateDir = await writeSet(join(dir, 'candidate'), candidate, clientJson);
  if (!input.candidate) {
    return {
      baselineRelease: release.release,
      candidateDir,
      baselineDir: undefined,
      labels: { strategies: liveLabel, baseline: null },
      pluginStrategies,
    };
  }
  return {
    baselineRelease: release.release,
    candidateDir,
    baselineDir: await writeSet(join(dir, 'baseline'), baseline, clientJson),
    labels: { strategies: `${liveLabel} with ${picked.join(', ')}`, baseline: liveLabel },
    pluginStrategies,
  };
}

/** The strategies that call a plugin (a plugin node, a plugin operator, a read of a plugin's fact). */
export function strategiesCallingPlugins(strategies: readonly CompiledStrategy[]): string[] {
  const usage = pluginUsage(strategies);
  const uses = [...usage.facts, ...usage.actions, ...usage.operators, ...usage.reads];
  return [...new Set(uses.map((u) => u.strategyId))].sort();
}

async function baselineRelease(
  store: Store,
  clientId: string,
  baseline: SimulationInput['baseline'],
): Promise<Release> {
  if (baseline === 'live') {
    const live = await store.releases.live(clientId);
    if (!live)
      throw new ApiError(
        409,
        'nothing_published',
        `client "${clientId}" has no live release to simulate against`,
      );
    return live;
  }
  const release = await store.releases.get(clientId, baseline.release);
  if (!release) throw notFound(`release ${baseline.release} of client "${clientId}"`);
  return release;
}

/** `<dir>/strategies/*.strategy.json` and `<dir>/client.json` (above them, where the loader looks). */
async function writeSet(
  dir: string,
  strategies: Map<string, Strategy>,
  clientJson: string | undefined,
): Promise<string> {
  const folder = join(dir, 'strategies');
  await mkdir(folder, { recursive: true });
  if (clientJson) await writeFile(join(dir, 'client.json'), clientJson);
  for (const [id, strategy] of strategies)
    await writeFile(join(folder, `${id}.strategy.json`), JSON.stringify(strategy));
  return folder;
}

/** The snapshot both pipelines start from, as a file; undefined for an empty state. */
export async function writeJobState(
  state: SimulationInput['state'],
  liveState: () => Promise<StateSnapshot>,
  dir: string,
): Promise<string | undefined> {
  if (state === 'empty') return undefined;
  let snapshot: StateSnapshot;
  if (state === 'live') snapshot = await liveState();
  else {
    const parsed = StateSnapshotSchema.safeParse(state.snapshot);
    if (!parsed.success) {
      throw new ApiError(
        400,
        'state_invalid',
        `state.snapshot is not a state snapshot: ${parsed.error.message}`,
      );
    }
    snapshot = parsed.data;
  }
  const file = join(dir, 'state.json');
  await writeFile(file, JSON.stringify(snapshot));
  return file;
}
