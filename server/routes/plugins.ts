import {
  ClientParams,
  PluginCreated,
  PluginList,
  PluginParams,
  PluginUploadBody,
  PluginVersionDoc,
  PluginVersionList,
  PluginVersionParams,
} from '../../api/index.ts';
import { pluginLabel } from '../../plugins/sdk/index.ts';
import { notFound } from '../errors/api-error.ts';
import { requireClient } from '../services/require.ts';
import type { ApiModule } from './api-context.ts';

export const pluginRoutes: ApiModule = (api, { store, plugins }) => {
  api.add({
    method: 'post',
    path: '/clients/{clientId}/plugins',
    tag: 'plugins',
    summary: 'Upload a plugin',
    description:
      "Builds the TypeScript source (esbuild; '@ordergraph/plugin-sdk' is the only import it may have), reads the manifest its code exports in a throwaway isolate, validates it, and stores source, build and manifest as the immutable version the manifest names. The same id and version uploaded again with the same source answers 200 and stores nothing; with other code, 409. Strategies then call it by id and version from plugin nodes.",
    permission: 'plugin:write',
    params: ClientParams,
    body: PluginUploadBody,
    bodyLimit: '2mb',
    responses: {
      201: { description: 'the build was stored', schema: PluginCreated },
      200: {
        description: 'this very source was already stored under its id and version',
        schema: PluginCreated,
      },
      409: { description: 'the id and version hold other code (`plugin_version_exists`)' },
      422: {
        description:
          'the source does not build (`plugin_invalid`, with `issues` at file:line:column), its manifest is invalid, or the build timed out (`plugin_build_timeout`)',
      },
      503: { description: 'this server runs no plugins (`plugins_disabled`)' },
    },
    handler: async ({ params, body, caller }) => {
      const { record, created, warnings } = await plugins.upload(
        params.clientId,
        body.source,
        body.note,
        caller.actor,
      );
      return {
        status: created ? 201 : 200,
        headers: {
          Location: `/api/v1/clients/${params.clientId}/plugins/${record.pluginId}/${record.version}`,
        },
        body: {
          pluginId: record.pluginId,
          version: record.version,
          kind: record.manifest.kind,
          created,
          warnings,
        },
      };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/plugins',
    tag: 'plugins',
    summary: "List a client's plugins",
    permission: 'plugin:read',
    params: ClientParams,
    responses: { 200: { description: 'by plugin id, each with its versions', schema: PluginList } },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      const byId = new Map<
        string,
        { pluginId: string; kind: 'fact' | 'action' | 'operator'; name: string; versions: string[] }
      >();
      for (const build of await store.plugins.list(params.clientId)) {
        const entry = byId.get(build.pluginId);
        // The newest version names the plugin.
        byId.set(build.pluginId, {
          pluginId: build.pluginId,
          kind: build.manifest.kind,
          name: build.manifest.name,
          versions: [...(entry?.versions ?? []), build.version],
        });
      }
      return { body: { plugins: [...byId.values()] } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/plugins/{pluginId}',
    tag: 'plugins',
    summary: "List a plugin's versions",
    permission: 'plugin:read',
    params: PluginParams,
    responses: { 200: { description: 'oldest first, without source', schema: PluginVersionList } },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      const versions = (await store.plugins.list(params.clientId)).filter(
        (p) => p.pluginId === params.pluginId,
      );
      if (versions.length === 0) throw notFound(`plugin "${params.pluginId}" of client "${params.clientId}"`);
      return { body: { pluginId: params.pluginId, versions } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/plugins/{pluginId}/{version}',
    tag: 'plugins',
    summary: 'Read a plugin version',
    permission: 'plugin:read',
    params: PluginVersionParams,
    responses: { 200: { description: 'its manifest and source', schema: PluginVersionDoc } },
    handler: async ({ params }) => {
      const record = await store.plugins.get(params.clientId, params.pluginId, params.version);
      if (!record) {
        throw notFound(
          `plugin ${pluginLabel({ id: params.pluginId, version: params.version })} of client "${params.clientId}"`,
        );
      }
      const { code: _code, ...doc } = record;
      return { body: doc, headers: { 'Cache-Control': 'private, max-age=31536000, immutable' } };
    },
  });

  api.add({
    method: 'delete',
    path: '/clients/{clientId}/plugins/{pluginId}/{version}',
    tag: 'plugins',
    summary: 'Delete a plugin version',
    description:
      'Only a version no release of the client uses (live or earlier: a rollback could bring it back).',
    permission: 'plugin:write',
    params: PluginVersionParams,
    responses: {
      204: { description: 'deleted' },
      409: { description: 'a release uses it (`plugin_in_use`, with `releases`)' },
    },
    handler: async ({ params }) => {
      await plugins.remove(params.clientId, params.pluginId, params.version);
      return { status: 204 };
    },
  });
};
