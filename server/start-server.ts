import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { InputError } from '../engine/errors/index.ts';
import { createApp, watchLive } from './app.ts';
import { type AdminKey, ensureAdminKey } from './auth/bootstrap-admin.ts';
import type { ServerConfig } from './config.ts';
import type { LiveStates } from './live-state/live-state.ts';
import { openLiveStates } from './live-state/open-live-states.ts';
import { RedisStates } from './live-state/redis/redis-states.ts';
import { consoleLogger, type Logger } from './logger.ts';
import { createMetrics } from './metrics/metrics.ts';
import { PluginRegistry } from './plugins/plugin-registry.ts';
import type { ServerPlugins } from './plugins/server-plugins.ts';
import { AuditDrain } from './scale-out/audit-drain.ts';
import { announceChanges } from './scale-out/change-bus.ts';
import { redisShadowFeed } from './scale-out/redis-shadow-feed.ts';
import { EvaluationService } from './services/evaluation.ts';
import { WorkspaceShadowDefinitions } from './shadow/shadow-definitions.ts';
import type { ShadowService } from './shadow/shadow-service.ts';
import { type SimulationServices, startSimulationServices } from './simulation/simulation-services.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';
import { type DemoImport, importDemoClient } from './workspace/import-demo.ts';
import { importDemoPlugins } from './workspace/import-demo-plugins.ts';

export interface RunningServer {
  url: string;
  store: Store;
  adminKey: AdminKey;
  /** What the first start imported; undefined on later starts. */
  demo: DemoImport | undefined;
  /**
   * Stops taking connections, lets the requests in flight and queued finish (up to `graceMs`, by default
   * the config's `shutdownGraceMs`; then their connections are cut), then closes the store.
   */
  close(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Served after the API: see `AppOptions.assets`. */
  assets?: RequestHandler;
  /** The sandbox pool and plugin build (see `AppOptions.plugins`); closed with the server. */
  plugins?: ServerPlugins;
  /** The pipeline simulation jobs run a client's plugins with (see `SimulationJobsOptions.pluginPipeline`). */
  simulationPlugins?: Parameters<typeof startSimulationServices>[3];
}

/** Opens the store, seeds it on first start, and serves the API until `close`. */
export async function startServer(
  config: ServerConfig,
  { logger = consoleLogger, assets, plugins, simulationPlugins }: StartOptions = {},
): Promise<RunningServer> {
  const store = await openStore({
    ...config,
    lock: {
      staleMs: config.lockStaleMs,
      onWait: (holder, upToMs) =>
        logger.warn('the workspace is locked; waiting to see whether its holder is alive', {
          dataDir: config.dataDir,
          holder,
          waitMs: Math.max(0, Math.round(upToMs)),
        }),
      onLost: (holder) =>
        logger.error('another server took the workspace over; refusing writes (503) from now on', {
          dataDir: config.dataDir,
          holder,
        }),
    },
  });
  let server: Server;
  let stopping = false;
  let demo: DemoImport | undefined;
  let evaluation: EvaluationService;
  let shadows: ShadowService;
  let adminKey: AdminKey;
  let simulations: SimulationServices;
  let states: LiveStates | undefined;
  let auditDrain: AuditDrain | undefined;
  try {
    const metrics = createMetrics();
    const registry = new PluginRegistry(store, plugins, config.plugins.buildTimeoutMs, metrics);
    states = await openLiveStates(config, store, logger);
    if (states instanceof RedisStates) {
      announceChanges(states.redis, store);
      auditDrain = new AuditDrain(states.redis, store, logger);
      auditDrain.start();
    }
    evaluation = new EvaluationService(store, config.engine, metrics, registry, states);
    shadows = watchLive(
      evaluation,
      config.engine,
      store,
      logger,
      config.shadowCpuShare,
      simulationPlugins &&
        ((builds) =>
          simulationPlugins(builds, {
            kind: 'live',
            callTimeoutMs: config.plugins.callTimeoutMs,
            memoryLimitMb: config.plugins.memoryLimitMb,
          })),
      new WorkspaceShadowDefinitions(config.dataDir),
      states instanceof RedisStates ? redisShadowFeed(states.redis, logger) : undefined,
    );
    demo = await importDemoClient(store, config.demoDir, logger);
    if (demo && registry.enabled) {
      demo.plugins = await importDemoPlugins(
        store,
        registry,
        { plugins: config.demoPluginsDir, strategies: config.demoPluginStrategiesDir },
        demo.clientId,
        logger,
      );
    }
    // After the demo's plugins are in: a shadow of a candidate calling them needs their builds.
    await shadows.resume();
    adminKey = await ensureAdminKey(store.keys, config.adminKey);
    simulations = await startSimulationServices(store, logger, config, simulationPlugins);
    const app = createApp({
      store,
      logger,
      metrics,
      plugins: registry,
      evaluation,
      states,
      shadows,
      engine: config.engine,
      authFailureLimit: config.authFailureLimit,
      maxBatch: config.maxBatch,
      limits: config.limits,
      trustProxy: config.trustProxy,
      assets,
      simulations,
    });
    server = createServer(app);
    // While stopping, every answer closes its connection, so no keep-alive connection outlives the drain.
    server.on('request', (_req, res) => {
      if (stopping) res.setHeader('Connection', 'close');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE' || error.code === 'EACCES'
            ? new InputError(
                'port_unavailable',
                `cannot listen on port ${config.port} (${error.code}); set PORT`,
              )
            : error,
        ),
      );
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await auditDrain?.close().catch(() => undefined);
    await states?.close();
    await plugins?.close();
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    store,
    adminKey,
    demo,
    close: async (graceMs = config.shutdownGraceMs) => {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Connections go as soon as they are idle: those answering now close after their answer.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const timer = setTimeout(() => {
        logger.warn('shutdown grace is over; cutting the connections still answering', { graceMs });
        server.closeAllConnections();
      }, graceMs);
      await closed;
      clearInterval(sweep);
      // Connections gone is not work done: a caller that hung up leaves its batch deciding.
      await evaluation.drain();
      await shadows.close();
      clearTimeout(timer);
      // After the last response: every acknowledged write is already durable; this flushes the rest.
      await simulations.close();
      await plugins?.close();
      await auditDrain?.close();
      await states?.close();
      await store.close();
    },
  };
}
