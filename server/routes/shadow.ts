import { ClientParams } from '../../api/index.ts';
import { ShadowBody, ShadowDocSchema } from '../../api/schemas/shadow.ts';
import { requireClient } from '../services/require.ts';
import type { ApiModule } from './api-context.ts';

/** Shadow releases: a candidate deciding live orders beside the live release, counting where it differs. */
export const shadowRoutes: ApiModule = (api, { store, shadows }) => {
  api.add({
    method: 'put',
    path: '/clients/{clientId}/shadow',
    tag: 'shadow',
    summary: 'Run a candidate in shadow beside the live release',
    description:
      "From now on every order decided for real (not dry runs, not replays) is decided again by the live release with the candidate's strategies in their place: off the response path, from the shadow's own copy of the state (taken now), never acted on. Replaces the client's earlier shadow. Plugins the candidate calls run in a sandbox process of the shadow's own (a plugin that fails holds the order there, as live would). A candidate that does not compile is 422, as is one calling plugins on a server that runs none. Its counts are held in memory; its definition is stored, so a restart starts it again with fresh counts.",
    permission: 'simulation:run',
    params: ClientParams,
    body: ShadowBody,
    responses: {
      200: { description: 'the shadow, running', schema: ShadowDocSchema },
      404: { description: 'no such client or version' },
      409: { description: 'the client has nothing live' },
      422: {
        description:
          'a candidate strategy does not compile (`problems` names each), calls plugins on a server that runs none (`plugins_not_shadowed`), or its pipeline cannot be built (`shadow_cannot_run`)',
      },
    },
    handler: async ({ params, body, caller }) => ({
      body: await shadows.start(params.clientId, body, caller.actor),
    }),
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/shadow',
    tag: 'shadow',
    summary: "Read the shadow's divergences from live",
    description:
      'Orders compared, how many diverged and in which kinds (those of simulation changes), the latest diverging orders with both decisions, and the orders not compared (dropped while the shadow was behind, decided by another release). Counts every order decided before the request.',
    permission: 'simulation:read',
    params: ClientParams,
    responses: {
      200: { description: 'the shadow', schema: ShadowDocSchema },
      404: { description: 'the client has no shadow' },
    },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      return { body: await shadows.report(params.clientId) };
    },
  });

  api.add({
    method: 'delete',
    path: '/clients/{clientId}/shadow',
    tag: 'shadow',
    summary: 'Stop the shadow (for good: it is not started again after a restart)',
    permission: 'simulation:run',
    params: ClientParams,
    responses: {
      200: { description: 'its final count', schema: ShadowDocSchema },
      404: { description: 'the client has no shadow' },
    },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      return { body: await shadows.stop(params.clientId) };
    },
  });
};
