import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { InputError } from '../engine/errors/index.ts';
import { createApp } from './app.ts';
import { type AdminKey, ensureAdminKey } from './auth/bootstrap-admin.ts';
import type { ServerConfig } from './config.ts';
import { consoleLogger, type Logger } from './logger.ts';
import { createMetrics } from './metrics/metrics.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';
import { type DemoImport, importDemoClient } from './workspace/import-demo.ts';

export interface RunningServer {
  url: string;
  store: Store;
  adminKey: AdminKey;
  /** What the first start imported; undefined on later starts. */
  demo: DemoImport | undefined;
  /** Stops taking requests, lets those in flight finish (up to `graceMs`), then closes the store. */
  close(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Served after the API: see `AppOptions.assets`. */
  assets?: RequestHandler;
}

/** Opens the store, seeds it on first start, and serves the API until `close`. */
export async function startServer(
  config: ServerConfig,
  { logger = consoleLogger, assets }: StartOptions = {},
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
  let demo: DemoImport | undefined;
  let adminKey: AdminKey;
  try {
    demo = await importDemoClient(store, config.demoDir, logger);
    adminKey = await ensureAdminKey(store.keys, config.adminKey);
    const app = createApp({
      store,
      logger,
      metrics: createMetrics(),
      engine: config.engine,
      authFailureLimit: config.authFailureLimit,
      maxBatch: config.maxBatch,
      limits: config.limits,
      trustProxy: config.trustProxy,
      assets,
    });
    server = createServer(app);
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
    close: async (graceMs = 10_000) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      // After the last response: every acknowledged write is already durable; this flushes the rest.
      await store.close();
    },
  };
}
