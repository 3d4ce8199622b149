import { ClientParams, StateSnapshotDoc } from '../../api/index.ts';
import type { ApiModule } from './api-context.ts';

export const stateRoutes: ApiModule = (api, { evaluation }) => {
  api.add({
    method: 'get',
    path: '/clients/{clientId}/state',
    tag: 'state',
    summary: 'Read counters, stock and buyer history',
    permission: 'state:read',
    params: ClientParams,
    responses: { 200: { description: 'the state decisions read and consume', schema: StateSnapshotDoc } },
    handler: async ({ params }) => ({ body: await evaluation.snapshot(params.clientId) }),
  });

  api.add({
    method: 'put',
    path: '/clients/{clientId}/state',
    tag: 'state',
    summary: 'Replace counters, stock and buyer history',
    description:
      'For an OMS pushing stock levels: takes effect between two decisions; orders already seen stay seen.',
    permission: 'state:write',
    params: ClientParams,
    body: StateSnapshotDoc,
    bodyLimit: '8mb',
    responses: { 200: { description: 'the state now', schema: StateSnapshotDoc } },
    handler: async ({ params, body }) => ({ body: await evaluation.replaceState(params.clientId, body) }),
  });
};
