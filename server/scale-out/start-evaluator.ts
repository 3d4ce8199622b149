import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../../engine/errors/index.ts';
import { createApp } from '../app.ts';
import type { ServerConfig } from '../config.ts';
import { openLiveStates } from '../live-state/open-live-states.ts';
import { connectRedis } from '../live-state/redis/connect-redis.ts';
import { RedisStates } from '../live-state/redis/redis-states.ts';
import { consoleLogger, type Logger } from '../logger.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { PluginRegistry } from '../plugins/plugin-registry.ts';
import type { ServerPlugins } from '../plugins/server-plugins.ts';
import { evaluateRoutes } from '../routes/evaluate.ts';
import { EvaluationService } from '../services/evaluation.ts';
import { openStore } from '../store/open-store.ts';
import { followChanges } from './change-bus.ts';
import { ShadowFeedPublisher } from './redis-shadow-feed.ts';

export interface RunningEvaluator {
  url: string;
  close(graceMs?: number): Promise<void>;
}

/**
 * An evaluator: serves `POST /api/v1/clients/{c}/evaluate` (and /healthz, /metrics) for any client,
 * beside other evaluators and one control server. It reads releases, strategies, keys and plugins
 * from the store the control server writes (the embedded workspace read-only, or MongoDB), learns of
 * changes from the Redis changes channel, and decides against the state shared in Redis, whose
 * commit script also keeps the audit line (the control server moves it to the store).
 */
export async function startEvaluator(
  config: ServerConfig,
  { logger = consoleLogger, plugins }: { logger?: Logger; plugins?: ServerPlugins } = {},
): Promise<RunningEvaluator> {
  if (!config.redisUrl) {
    throw new InputError(
      'redis_required',
      'an evaluator shares counters, stock and seen orders with the others through Redis: set REDIS_URL',
      { field: 'REDIS_URL' },
    );
  }
  const store = await openStore({ ...config, readOnly: true });
  const closing: (() => Promise<unknown>)[] = [() => store.close()];
  const close = async () => {
    for (const step of closing.reverse()) await step().catch(() => undefined);
  };
  try {
    if (plugins) closing.push(() => plugins.close());
    const states = await openLiveStates(config, store, logger);
    closing.push(() => states.close());
    const subscriber = await connectRedis(config.redisUrl);
    closing.push(async () => subscriber.disconnect());
    await followChanges(subscriber, store);
    const metrics = createMetrics();
    const registry = new PluginRegistry(store, plugins, config.plugins.buildTimeoutMs, metrics);
    const evaluation = new EvaluationService(store, config.engine, metrics, registry, states);
    const app = createApp({
      store,
      logger,
      metrics,
      plugins: registry,
      evaluation,
      states,
      engine: config.engine,
      authFailureLimit: config.authFailureLimit,
      maxBatch: config.maxBatch,
      limits: config.limits,
      trustProxy: config.trustProxy,
      modules: [evaluateRoutes],
    });
    if (states instanceof RedisStates) {
      // Shadows run on the control server; the live decisions made here reach them through Redis
      // (set after createApp, which would feed shadows of its own, none of which run here).
      const feed = new ShadowFeedPublisher(states.redis, logger);
      await feed.refresh();
      evaluation.onLiveDecision = feed.observe;
      closing.push(() => feed.close());
    }
    // Which evaluator answered: for whoever traces a decision back to its process (and test:scale).
    const server: Server = createServer((req, res) => {
      res.setHeader('X-Ordergraph-Evaluator', String(process.pid));
      app(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    closing.push(() => evaluation.drain());
    closing.push(async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections close as soon as they are idle; those answering, after their answer.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      await closed;
      clearInterval(sweep);
    });
    const { port } = server.address() as AddressInfo;
    return { url: `http://${config.host ?? 'localhost'}:${port}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
