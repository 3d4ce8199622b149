import { ClientDoc, ClientList, ClientParams, ClientRecordDoc } from '../../api/index.ts';
import { coversClient } from '../auth/roles.ts';
import { invalidRequest } from '../errors/api-error.ts';
import { etagOf } from '../http/if-match.ts';
import { requireClient } from '../services/require.ts';
import type { ApiModule } from './api-context.ts';

export const clientRoutes: ApiModule = (api, { store }) => {
  api.add({
    method: 'get',
    path: '/clients',
    tag: 'clients',
    summary: 'List clients',
    description: 'The clients this key may act on.',
    permission: 'client:read',
    responses: { 200: { description: 'the clients', schema: ClientList } },
    handler: async ({ caller }) => ({
      body: { clients: (await store.clients.list()).filter((c) => coversClient(caller.key, c.clientId)) },
    }),
  });

  api.add({
    method: 'post',
    path: '/clients',
    tag: 'clients',
    summary: 'Create a client',
    permission: 'client:create',
    allClients: true,
    body: ClientDoc,
    responses: { 201: { description: 'created', schema: ClientRecordDoc, etag: true } },
    handler: async ({ body, caller }) => {
      const record = await store.clients.create(body, caller.actor);
      return { status: 201, body: record, headers: { ETag: etagOf(record.revision) } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}',
    tag: 'clients',
    summary: 'Read a client',
    permission: 'client:read',
    params: ClientParams,
    responses: { 200: { description: 'the client', schema: ClientRecordDoc, etag: true } },
    handler: async ({ params }) => {
      const record = await requireClient(store, params.clientId);
      return { body: record, headers: { ETag: etagOf(record.revision) } };
    },
  });

  api.add({
    method: 'put',
    path: '/clients/{clientId}',
    tag: 'clients',
    summary: "Replace a client's master data",
    description: 'Send If-Match with the ETag you read; a stale one gets 409 and the current revision.',
    permission: 'client:write',
    params: ClientParams,
    body: ClientDoc,
    ifMatch: 'required',
    responses: {
      200: { description: 'updated', schema: ClientRecordDoc, etag: true },
      409: { description: 'the client changed since you read it' },
    },
    handler: async ({ params, body, ifMatch, caller }) => {
      if (body.id !== params.clientId) {
        throw invalidRequest('body', [
          { field: 'id', message: `must be "${params.clientId}", the client in the path` },
        ]);
      }
      const record = await store.clients.update(body, ifMatch!, caller.actor);
      return { body: record, headers: { ETag: etagOf(record.revision) } };
    },
  });
};
