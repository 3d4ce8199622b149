import { ClientParams, MappingDoc, MappingList, MappingParams, MappingRecordDoc } from '../../api/index.ts';
import { parseCsvMapping } from '../../simulate/input/csv-mapping.ts';
import { notFound } from '../errors/api-error.ts';
import { etagOf } from '../http/if-match.ts';
import { requireClient } from '../services/require.ts';
import type { ApiModule } from './api-context.ts';

/** CSV mappings: how a client's old system's export becomes standard orders (the CLI's `--map` document). */
export const mappingRoutes: ApiModule = (api, { store }) => {
  api.add({
    method: 'get',
    path: '/clients/{clientId}/mappings',
    tag: 'simulations',
    summary: "List a client's CSV mappings",
    permission: 'simulation:read',
    params: ClientParams,
    responses: { 200: { description: 'every mapping', schema: MappingList } },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      return { body: { mappings: await store.mappings.list(params.clientId) } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/mappings/{mappingId}',
    tag: 'simulations',
    summary: 'Read a CSV mapping',
    permission: 'simulation:read',
    params: MappingParams,
    responses: { 200: { description: 'the mapping and its revision', schema: MappingRecordDoc, etag: true } },
    handler: async ({ params }) => {
      const record = await store.mappings.get(params.clientId, params.mappingId);
      if (!record) throw notFound(`mapping "${params.mappingId}" of client "${params.clientId}"`);
      return { body: record, headers: { ETag: etagOf(record.revision) } };
    },
  });

  api.add({
    method: 'put',
    path: '/clients/{clientId}/mappings/{mappingId}',
    tag: 'simulations',
    summary: 'Create or replace a CSV mapping',
    description:
      'The mapping is checked as the CLI checks it (columns to standard order fields, date formats, values, constants); If-Match is optional, and a stale one is 409.',
    permission: 'simulation:run',
    params: MappingParams,
    body: MappingDoc,
    ifMatch: 'optional',
    responses: {
      200: { description: 'the mapping as stored', schema: MappingRecordDoc, etag: true },
      409: { description: 'If-Match named a revision that is no longer current' },
    },
    handler: async ({ params, body, ifMatch, caller }) => {
      await requireClient(store, params.clientId);
      // An InputError naming the field: 400, as for any request field.
      parseCsvMapping(body, `mapping "${params.mappingId}"`);
      const record = await store.mappings.put(
        params.clientId,
        params.mappingId,
        body,
        ifMatch ?? '*',
        caller.actor,
      );
      return { body: record, headers: { ETag: etagOf(record.revision) } };
    },
  });

  api.add({
    method: 'delete',
    path: '/clients/{clientId}/mappings/{mappingId}',
    tag: 'simulations',
    summary: 'Delete a CSV mapping',
    description: 'Histories read with it keep their own copy.',
    permission: 'simulation:run',
    params: MappingParams,
    responses: { 204: { description: 'deleted' }, 404: { description: 'no such mapping' } },
    handler: async ({ params }) => {
      if (!(await store.mappings.delete(params.clientId, params.mappingId))) {
        throw notFound(`mapping "${params.mappingId}" of client "${params.clientId}"`);
      }
      return { status: 204 };
    },
  });
};
