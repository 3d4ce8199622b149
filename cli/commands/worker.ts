import { InputError } from '../../engine/errors/index.ts';
import { configFromEnv } from '../../server/config.ts';
import { connectRedis, redactRedisUrl } from '../../server/live-state/redis/connect-redis.ts';
import { consoleLogger } from '../../server/logger.ts';
import { startSimulationWorker } from '../../server/simulation/bullmq/simulation-worker.ts';
import { threadRunner } from '../../server/simulation/job-runner.ts';
import { pluginPipelineFactory } from '../simulate-plugins/plugin-pipeline.ts';

/**
 * Runs the control server's simulation jobs, taken off its BullMQ queue in Redis, until SIGINT or
 * SIGTERM; a job running then goes back to the queue for another worker. Needs the control server's
 * REDIS_URL, and its DATA_DIR at the same path (a shared volume): jobs read and write files there.
 */
export async function workerCommand(): Promise<void> {
  const config = configFromEnv(process.env);
  const { redisUrl } = config;
  if (!redisUrl) {
    throw new InputError(
      'redis_required',
      "a worker takes simulation jobs off the control server's queue in Redis: set REDIS_URL to the server's",
      { field: 'REDIS_URL' },
    );
  }
  // Reachable, or an error naming REDIS_URL now: BullMQ alone would retry quietly for ever.
  (await connectRedis(redisUrl)).disconnect();
  const worker = await startSimulationWorker({
    redisUrl,
    // Plugin strategies run as on the control server: the builds travel with the job.
    runner: threadRunner(pluginPipelineFactory),
    workers: config.simulations.workers,
    logger: consoleLogger,
  });
  process.stdout.write(`Ordergraph simulation worker on ${redactRedisUrl(redisUrl)}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
