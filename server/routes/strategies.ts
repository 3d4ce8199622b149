import {
  ClientParams,
  StrategyDoc,
  StrategyList,
  StrategyParams,
  type StrategySummary,
  type StrategyView,
  StrategyViewDoc,
} from '../../api/index.ts';
import { compileStrategy } from '../../engine/compiler/index.ts';
import type { Strategy } from '../../engine/graph/schema.ts';
import type { PluginManifest } from '../../plugins/sdk/index.ts';
import { ApiError, invalidRequest } from '../errors/api-error.ts';
import { checkGraphLimits } from '../http/body-limits.ts';
import { etagOf } from '../http/if-match.ts';
import { masterData } from '../services/master-data.ts';
import { requireClient, requireStrategy } from '../services/require.ts';
import type { ClientRecord, StrategyRecord } from '../store/records.ts';
import type { ApiModule } from './api-context.ts';

/**
 * What the compiler says about a draft against a client's master data, remembered per record: the
 * embedded store hands out the same (immutable) record until it changes, so reading a big draft
 * again does not compile it again. A new client record (master data edited) compiles afresh.
 */
const issuesSeen = new WeakMap<
  StrategyRecord,
  { client: ClientRecord; plugins: readonly PluginManifest[]; issues: StrategyView['issues'] }
>();

function issuesOf(
  record: StrategyRecord,
  client: ClientRecord,
  plugins: readonly PluginManifest[],
): StrategyView['issues'] {
  const seen = issuesSeen.get(record);
  if (seen?.client === client && seen.plugins === plugins) return seen.issues;
  const { issues } = compileStrategy(record.strategy, {
    client: masterData(client.client),
    plugins: [...plugins],
  });
  issuesSeen.set(record, { client, plugins, issues });
  return issues;
}

/**
 * A draft as the editor wants it: the record, its ETag, and what the compiler says about it now,
 * against the client's master data and installed plugins.
 */
function view(
  record: StrategyRecord,
  client: ClientRecord,
  plugins: readonly PluginManifest[],
  status = 200,
) {
  const body: StrategyView = { ...record, issues: issuesOf(record, client, plugins) };
  return { status, body, headers: { ETag: etagOf(record.revision) } };
}

function checkIds(strategy: Strategy, clientId: string, strategyId?: string): void {
  const issues = [
    ...(strategy.clientId === clientId
      ? []
      : [{ field: 'clientId', message: `must be "${clientId}", the client in the path` }]),
    ...(strategyId === undefined || strategy.id === strategyId
      ? []
      : [{ field: 'id', message: `must be "${strategyId}", the strategy in the path` }]),
  ];
  if (issues.length > 0) throw invalidRequest('body', issues);
}

export const strategyRoutes: ApiModule = (api, { store, limits, plugins }) => {
  // Bounds what a graph may cost everywhere after: validating, storing, compiling it on every read.
  const checkBody = (body: unknown) => checkGraphLimits(body, limits);

  api.add({
    method: 'get',
    path: '/clients/{clientId}/strategies',
    tag: 'strategies',
    summary: "List a client's strategies",
    permission: 'strategy:read',
    params: ClientParams,
    responses: {
      200: { description: 'the drafts', schema: StrategyList },
    },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      const strategies = (await store.strategies.list(params.clientId)).map(
        (r): StrategySummary => ({
          strategyId: r.strategyId,
          family: r.strategy.family,
          name: r.strategy.name,
          revision: r.revision,
          updatedAt: r.updatedAt,
          updatedBy: r.updatedBy,
        }),
      );
      return { body: { strategies } };
    },
  });

  api.add({
    method: 'post',
    path: '/clients/{clientId}/strategies',
    tag: 'strategies',
    summary: 'Create a strategy',
    description:
      'A draft may have graph issues (returned in `issues`); only cutting a version requires none.',
    permission: 'strategy:write',
    params: ClientParams,
    body: StrategyDoc,
    bodyLimit: '4mb',
    checkBody,
    responses: {
      201: { description: 'created at revision 1', schema: StrategyViewDoc, etag: true },
      409: { description: 'a strategy with this id exists' },
    },
    handler: async ({ params, body, caller }) => {
      checkIds(body, params.clientId);
      const client = await requireClient(store, params.clientId);
      return view(
        await store.strategies.create(body, caller.actor),
        client,
        await plugins.manifests(params.clientId),
        201,
      );
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/strategies/{strategyId}',
    tag: 'strategies',
    summary: 'Read a strategy draft',
    permission: 'strategy:read',
    params: StrategyParams,
    responses: { 200: { description: 'the draft', schema: StrategyViewDoc, etag: true } },
    handler: async ({ params }) => {
      const client = await requireClient(store, params.clientId);
      return view(
        await requireStrategy(store, params.clientId, params.strategyId),
        client,
        await plugins.manifests(params.clientId),
      );
    },
  });

  api.add({
    method: 'put',
    path: '/clients/{clientId}/strategies/{strategyId}',
    tag: 'strategies',
    summary: 'Replace a strategy draft',
    description:
      'Optimistic concurrency: send If-Match with the ETag you read. If someone saved in between, the answer ' +
      'is 409 with the current revision (and its ETag); reload, reapply, resend.',
    permission: 'strategy:write',
    params: StrategyParams,
    body: StrategyDoc,
    bodyLimit: '4mb',
    checkBody,
    ifMatch: 'required',
    responses: {
      200: { description: 'saved; the revision went up by one', schema: StrategyViewDoc, etag: true },
      409: { description: 'stale: the draft changed since you read it' },
      428: { description: 'If-Match is missing' },
    },
    handler: async ({ params, body, ifMatch, caller }) => {
      checkIds(body, params.clientId, params.strategyId);
      const client = await requireClient(store, params.clientId);
      return view(
        await store.strategies.update(body, ifMatch!, caller.actor),
        client,
        await plugins.manifests(params.clientId),
      );
    },
  });

  api.add({
    method: 'delete',
    path: '/clients/{clientId}/strategies/{strategyId}',
    tag: 'strategies',
    summary: 'Delete a strategy draft',
    description:
      'Its versions stay. A strategy in the live pipeline cannot be deleted: publish without it first.',
    permission: 'strategy:write',
    params: StrategyParams,
    ifMatch: 'required',
    responses: {
      204: { description: 'deleted' },
      409: { description: 'stale, or the strategy is live' },
      428: { description: 'If-Match is missing' },
    },
    handler: async ({ params, ifMatch }) => {
      const live = await store.releases.live(params.clientId);
      if (live?.strategies.some((s) => s.strategyId === params.strategyId)) {
        throw new ApiError(
          409,
          'strategy_live',
          `strategy "${params.strategyId}" is live; publish without it first`,
        );
      }
      await store.strategies.delete(params.clientId, params.strategyId, ifMatch!);
      return { status: 204 };
    },
  });
};
