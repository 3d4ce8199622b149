import {
  CutVersionBody,
  StrategyParams,
  VersionList,
  VersionParams,
  VersionRecordDoc,
} from '../../api/index.ts';
import { notFound } from '../errors/api-error.ts';
import { requireStrategy } from '../services/require.ts';
import { cutVersion } from '../services/versioning.ts';
import type { ApiModule } from './api-context.ts';

export const versionRoutes: ApiModule = (api, { store, plugins }) => {
  api.add({
    method: 'post',
    path: '/clients/{clientId}/strategies/{strategyId}/versions',
    tag: 'versions',
    summary: 'Cut a version',
    description:
      'Compiles the current draft and keeps it, its rule JSON and source map as the next immutable version. ' +
      'A draft with errors gets 422 and its issues.',
    permission: 'version:create',
    params: StrategyParams,
    body: CutVersionBody,
    responses: {
      201: { description: 'the new version', schema: VersionRecordDoc },
      409: { description: 'the draft moved past `revision`' },
      422: { description: 'the draft has errors; `issues` lists them with node ids' },
    },
    handler: async ({ params, body, caller }) => ({
      status: 201,
      body: await cutVersion(
        store,
        params.clientId,
        params.strategyId,
        body,
        caller.actor,
        await plugins.manifests(params.clientId),
      ),
    }),
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/strategies/{strategyId}/versions',
    tag: 'versions',
    summary: "List a strategy's versions",
    permission: 'strategy:read',
    params: StrategyParams,
    responses: { 200: { description: 'newest first', schema: VersionList } },
    handler: async ({ params }) => {
      const versions = await store.versions.list(params.clientId, params.strategyId);
      if (versions.length === 0) await requireStrategy(store, params.clientId, params.strategyId);
      return { body: { versions } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/strategies/{strategyId}/versions/{version}',
    tag: 'versions',
    summary: 'Read a version',
    permission: 'strategy:read',
    params: VersionParams,
    responses: {
      200: { description: 'the document, its rule JSON and source map', schema: VersionRecordDoc },
    },
    handler: async ({ params }) => {
      const version = await store.versions.get(params.clientId, params.strategyId, params.version);
      if (!version) throw notFound(`version ${params.version} of strategy "${params.strategyId}"`);
      return { body: version, headers: { 'Cache-Control': 'private, max-age=31536000, immutable' } };
    },
  });
};
