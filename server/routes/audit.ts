import { ClientParams, DecisionList, DecisionQuery, ReleaseList } from '../../api/index.ts';
import { requireClient } from '../services/require.ts';
import type { ApiModule } from './api-context.ts';

export const auditRoutes: ApiModule = (api, { store }) => {
  api.add({
    method: 'get',
    path: '/clients/{clientId}/audit/decisions',
    tag: 'audit',
    summary: 'Decisions for an order',
    description: 'Every decision recorded for an order id (re-pushed orders have several), oldest first.',
    permission: 'audit:read',
    params: ClientParams,
    // In the query, not the path: platform order ids may hold any character.
    query: DecisionQuery,
    responses: {
      200: { description: 'the decisions', schema: DecisionList },
    },
    handler: async ({ params, query }) => {
      await requireClient(store, params.clientId);
      return { body: { decisions: await store.audit.findByOrder(params.clientId, query.orderId) } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/audit/releases',
    tag: 'audit',
    summary: 'Who published what, when',
    description:
      'Every release of the live pipeline, newest first: publishes and rollbacks with their author and time.',
    permission: 'audit:read',
    params: ClientParams,
    responses: { 200: { description: 'the releases', schema: ReleaseList } },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      return { body: { releases: await store.releases.list(params.clientId) } };
    },
  });
};
