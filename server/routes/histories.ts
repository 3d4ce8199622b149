import {
  ClientParams,
  HistoryCreated,
  HistoryList,
  HistoryParams,
  type HistoryRecord,
  HistoryRecordDoc,
  HistoryUploadQuery,
} from '../../api/index.ts';
import { notFound } from '../errors/api-error.ts';
import { requireClient } from '../services/require.ts';
import { HISTORY_MEDIA_TYPES } from '../simulation/history-uploads.ts';
import type { ApiModule } from './api-context.ts';

const created = (h: HistoryRecord) => ({
  historyId: h.historyId,
  status: h.status === 'ready' ? ('ready' as const) : ('reading' as const),
  rows: h.rows,
  bytes: h.bytes,
  skipped: h.skippedTotal,
  progress: h.progress,
});

/** Order histories to simulate: uploaded as CSV (with a mapping) or NDJSON, streamed into the store. */
export const historyRoutes: ApiModule = (api, { store, simulations }) => {
  if (!simulations) return;
  api.add({
    method: 'post',
    path: '/clients/{clientId}/histories',
    tag: 'simulations',
    summary: 'Upload an order history',
    description:
      'The file is the body, streamed to the store (Content-Encoding: gzip accepted) up to MAX_HISTORY_BYTES. Read at once: 201 with its orders (rows), bytes and skipped rows; a big one: 202, then GET it until status is ready. A CSV needs ?mapping=. Rows that cannot be read are listed with their line and reason, never a failed upload; a file that is not CSV or NDJSON, or a CSV without a mapped column, is refused before anything is kept.',
    permission: 'simulation:run',
    params: ClientParams,
    query: HistoryUploadQuery,
    rawBody: {
      contentTypes: HISTORY_MEDIA_TYPES,
      description:
        'the export as it is: CSV (GB18030 or UTF-8, as the mapping says) or NDJSON of raw or standard orders',
    },
    responses: {
      201: { description: 'stored and read', schema: HistoryCreated },
      202: { description: 'stored; being read (GET it for progress)', schema: HistoryCreated },
      413: { description: 'over MAX_HISTORY_BYTES' },
      415: { description: 'not CSV or NDJSON, or an encoding other than gzip' },
      422: { description: 'no such mapping, or the CSV lacks a column the mapping names' },
    },
    handler: async ({ params, query, caller, request }) => {
      await requireClient(store, params.clientId);
      const history = await simulations.uploads.upload(request, params.clientId, query, caller.actor);
      return {
        status: history.status === 'ready' ? 201 : 202,
        body: created(history),
        headers: { Location: `/api/v1/clients/${params.clientId}/histories/${history.historyId}` },
      };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/histories',
    tag: 'simulations',
    summary: "List a client's histories",
    permission: 'simulation:read',
    params: ClientParams,
    responses: { 200: { description: 'newest first', schema: HistoryList } },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      return { body: { histories: await store.histories.list(params.clientId) } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/histories/{historyId}',
    tag: 'simulations',
    summary: 'Read a history: what reading it found, or how far reading has got',
    permission: 'simulation:read',
    params: HistoryParams,
    responses: { 200: { description: 'the history', schema: HistoryRecordDoc } },
    handler: async ({ params }) => {
      const history = await store.histories.get(params.clientId, params.historyId);
      if (!history) throw notFound(`history "${params.historyId}" of client "${params.clientId}"`);
      return { body: history };
    },
  });

  api.add({
    method: 'delete',
    path: '/clients/{clientId}/histories/{historyId}',
    tag: 'simulations',
    summary: 'Delete a history and its file',
    permission: 'simulation:run',
    params: HistoryParams,
    responses: { 204: { description: 'deleted' }, 404: { description: 'no such history' } },
    handler: async ({ params }) => {
      if (!(await store.histories.delete(params.clientId, params.historyId))) {
        throw notFound(`history "${params.historyId}" of client "${params.clientId}"`);
      }
      return { status: 204 };
    },
  });
};
