import {
  ClientParams,
  PluginBuildCheck,
  PluginBuildCheckBody,
  PluginDraftBody,
  PluginDraftDoc,
  PluginDraftList,
  PluginDraftParams,
  PluginTrialBody,
  PluginTrialResult,
} from '../../api/index.ts';
import { adaptOrder, detectPlatform } from '../../engine/order/adapters/index.ts';
import { notFound } from '../errors/api-error.ts';
import { requireClient } from '../services/require.ts';
import type { ApiModule } from './api-context.ts';

/**
 * A plugin developer's loop before installing a version: the source kept as a draft, a build check
 * that stores nothing, and a test run on one order in the production sandbox.
 */
export const pluginWorkbenchRoutes: ApiModule = (api, { store, plugins }) => {
  api.add({
    method: 'get',
    path: '/clients/{clientId}/plugin-drafts',
    tag: 'plugins',
    summary: "List a client's plugin drafts",
    permission: 'plugin:read',
    params: ClientParams,
    responses: { 200: { description: 'by plugin id, without source', schema: PluginDraftList } },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      return { body: { drafts: await store.pluginDrafts.list(params.clientId) } };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{clientId}/plugin-drafts/{pluginId}',
    tag: 'plugins',
    summary: 'Read a plugin draft',
    permission: 'plugin:read',
    params: PluginDraftParams,
    responses: { 200: { description: 'the source as last saved', schema: PluginDraftDoc } },
    handler: async ({ params }) => {
      await requireClient(store, params.clientId);
      const draft = await store.pluginDrafts.get(params.clientId, params.pluginId);
      if (!draft) throw notFound(`plugin draft "${params.pluginId}" of client "${params.clientId}"`);
      return { body: draft };
    },
  });

  api.add({
    method: 'put',
    path: '/clients/{clientId}/plugin-drafts/{pluginId}',
    tag: 'plugins',
    summary: 'Save a plugin draft',
    description:
      'Keeps the source a developer is writing, whether or not it builds; each save replaces the last atomically. Installing is a separate upload (`POST …/plugins`).',
    permission: 'plugin:write',
    params: PluginDraftParams,
    body: PluginDraftBody,
    bodyLimit: '2mb',
    responses: { 200: { description: 'saved', schema: PluginDraftDoc } },
    handler: async ({ params, body, caller }) => {
      await requireClient(store, params.clientId);
      const draft = await store.pluginDrafts.save(
        params.clientId,
        params.pluginId,
        body.source,
        caller.actor,
      );
      return { body: draft };
    },
  });

  api.add({
    method: 'post',
    path: '/clients/{clientId}/plugin-builds',
    tag: 'plugins',
    summary: 'Check that a plugin builds',
    description:
      'Builds the source as an upload would (esbuild, manifest read and validated, `run` tried on a sample order against its declared outputs) and stores nothing. Answers 200 either way: `ok`, the issues at file:line:column, and the manifest when it builds.',
    permission: 'plugin:write',
    params: ClientParams,
    body: PluginBuildCheckBody,
    bodyLimit: '2mb',
    responses: {
      200: { description: 'the check', schema: PluginBuildCheck },
      503: { description: 'this server runs no plugins (`plugins_disabled`)' },
    },
    handler: async ({ params, body }) => {
      await requireClient(store, params.clientId);
      const checked = await plugins.check(body.source);
      if (!checked.ok) return { body: { ok: false, issues: checked.issues, warnings: [] } };
      const { manifest } = checked.plugin;
      const installed = await plugins.installedAs(
        params.clientId,
        manifest.id,
        manifest.version,
        body.source,
      );
      return { body: { ok: true, issues: [], warnings: checked.warnings, manifest, installed } };
    },
  });

  api.add({
    method: 'post',
    path: '/clients/{clientId}/plugin-runs',
    tag: 'plugins',
    summary: 'Test a plugin on an order',
    description:
      "Runs a source (built now, stored nowhere) or an installed version once on one raw order with the given params, in a fresh isolate of the production sandbox pool (the same CPU and memory limits). The plugin's failures (it threw, ran out of CPU or memory, answered other than its manifest says) are a 200 with `ok: false` and the typed error.",
    permission: 'plugin:write',
    params: ClientParams,
    body: PluginTrialBody,
    bodyLimit: '2mb',
    responses: {
      200: { description: "the plugin's answer or its failure", schema: PluginTrialResult },
      404: { description: 'no such installed version' },
      422: {
        description:
          'the source does not build (`plugin_invalid` etc., with `issues`), or the params do not match its inputs (`plugin_params_invalid`, with `issues`)',
      },
      503: { description: 'this server runs no plugins (`plugins_disabled`)' },
    },
    handler: async ({ params, body }) => {
      const platform = body.platform ?? detectPlatform(body.order) ?? 'standard';
      const order = adaptOrder(platform, body.order);
      const answer = await plugins.trial(params.clientId, body.plugin, {
        order,
        params: body.params,
        operand: body.operand,
      });
      return { body: answer };
    },
  });
};
