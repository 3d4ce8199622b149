import { ClientParams, PublishBody, ReleaseDoc, RollbackBody } from '../../api/index.ts';
import { ApiError } from '../errors/api-error.ts';
import { publish, rollback } from '../services/publishing.ts';
import { requireClient } from '../services/require.ts';
import type { ApiModule } from './api-context.ts';

export const publishRoutes: ApiModule = (api, { store, plugins }) => {
  api.add({
    method: 'get',
    path: '/clients/{clientId}/live',
    tag: 'publish',
    summary: 'Read the live release',
    permission: 'strategy:read',
    params: ClientParams,
    responses: {
      200: { description: 'the strategies and versions deciding orders now', schema: ReleaseDoc },
    },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      const live = await store.releases.live(params.clientId);
      if (!live)
        throw new ApiError(404, 'nothing_published', `client "${params.clientId}" has nothing published`);
      return { body: live };
    },
  });

  api.add({
    method: 'post',
    path: '/clients/{clientId}/publish',
    tag: 'publish',
    summary: 'Publish versions',
    description:
      "Switches the client's live pipeline to a new release in one atomic write. Every version must exist and " +
      'still compile against the client (422 otherwise, and nothing changes).',
    permission: 'publish',
    params: ClientParams,
    body: PublishBody,
    responses: {
      201: { description: 'the new live release', schema: ReleaseDoc },
      409: { description: '`expectedRelease` is stale' },
      422: { description: 'a version is missing or no longer compiles; `problems` says which' },
    },
    handler: async ({ params, body, caller }) => ({
      status: 201,
      body: await publish(store, params.clientId, body, caller.actor, plugins),
    }),
  });

  api.add({
    method: 'post',
    path: '/clients/{clientId}/rollback',
    tag: 'publish',
    summary: 'Roll back',
    description: "Makes an earlier release's strategies live again, as a new release; history only grows.",
    permission: 'publish',
    params: ClientParams,
    body: RollbackBody,
    responses: {
      201: { description: 'the new live release', schema: ReleaseDoc },
      409: { description: 'nothing to roll back to, or `expectedRelease` is stale' },
    },
    handler: async ({ params, body, caller }) => ({
      status: 201,
      body: await rollback(store, params.clientId, body, caller.actor),
    }),
  });
};
