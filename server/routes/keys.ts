import { z } from 'zod';
import { IdSchema } from '../../api/index.ts';
import { generateApiKey } from '../auth/api-key.ts';
import { notFound } from '../errors/api-error.ts';
import { ALL_CLIENTS, type ApiKeyRecord, ROLES } from '../store/records.ts';
import type { ApiModule } from './api-context.ts';

const KeyView = z
  .object({
    keyId: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    clients: z.array(z.string()),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'ApiKey' });

const NewKeyBody = z
  .object({
    name: z
      .string()
      .min(1)
      .max(100)
      .meta({ description: 'who or what holds it: "OMS production", "Li Lei"' }),
    role: z.enum(ROLES),
    clients: z
      .array(z.union([IdSchema, z.literal(ALL_CLIENTS)]))
      .min(1)
      .meta({ description: 'client ids the key may act on, or ["*"] for all' }),
  })
  .meta({ id: 'NewApiKey' });

const view = ({ hash: _hash, ...rest }: ApiKeyRecord) => rest;

export const keyRoutes: ApiModule = (api, { store, auth }) => {
  api.add({
    method: 'get',
    path: '/keys',
    tag: 'keys',
    summary: 'List API keys',
    permission: 'key:admin',
    allClients: true,
    responses: {
      200: { description: 'the keys (never their secrets)', schema: z.object({ keys: z.array(KeyView) }) },
    },
    handler: async () => ({ body: { keys: (await store.keys.list()).map(view) } }),
  });

  api.add({
    method: 'post',
    path: '/keys',
    tag: 'keys',
    summary: 'Create an API key',
    description: 'The answer holds the key itself, once: only its sha-256 is stored.',
    permission: 'key:admin',
    allClients: true,
    body: NewKeyBody,
    responses: { 201: { description: 'the key', schema: KeyView.extend({ key: z.string() }) } },
    handler: async ({ body, caller }) => {
      const { keyId, key, hash } = generateApiKey();
      const clients = body.clients.includes(ALL_CLIENTS) ? [ALL_CLIENTS] : [...new Set(body.clients)];
      const record: ApiKeyRecord = {
        keyId,
        name: body.name,
        role: body.role,
        clients,
        hash,
        createdAt: new Date().toISOString(),
        createdBy: caller.actor,
      };
      await store.keys.put(record);
      return { status: 201, body: { ...view(record), key } };
    },
  });

  api.add({
    method: 'delete',
    path: '/keys/{keyId}',
    tag: 'keys',
    summary: 'Revoke an API key',
    permission: 'key:admin',
    allClients: true,
    params: z.object({ keyId: IdSchema }),
    responses: { 204: { description: 'revoked' } },
    handler: async ({ params }) => {
      if (!(await store.keys.delete(params.keyId))) throw notFound(`key "${params.keyId}"`);
      auth.forget(params.keyId);
      return { status: 204 };
    },
  });
};
