import cluster from 'node:cluster';
import type { EngineName } from '../../engine/runtime/index.ts';
import { configFromEnv } from '../../server/config.ts';
import { redactRedisUrl } from '../../server/live-state/redis/connect-redis.ts';
import { startEvaluator } from '../../server/scale-out/start-evaluator.ts';
import { serverPlugins } from './server-plugins.ts';

export interface EvaluatorOptions {
  port?: string;
  dataDir?: string;
  engine?: EngineName;
}

/**
 * Serves evaluate beside a control server (`ordergraph serve` with the same REDIS_URL and DATA_DIR or
 * MONGODB_URI), until SIGINT or SIGTERM; then finishes the decisions in flight and exits 0.
 */
export async function evaluatorCommand(options: EvaluatorOptions): Promise<void> {
  const config = configFromEnv(process.env, options);
  const evaluator = await startEvaluator(config, { plugins: serverPlugins(config.plugins) });
  // In `serve --evaluators N` the control process says where its evaluators listen, once.
  if (!cluster.isWorker) {
    process.stdout.write(
      `Ordergraph evaluator on ${evaluator.url}  (state: ${redactRedisUrl(config.redisUrl ?? '')}, store: ${config.mongodbUri ? 'MongoDB' : config.dataDir})\n`,
    );
  }
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    evaluator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
