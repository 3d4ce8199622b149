import type { ServerConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { InProcessStates } from './in-process-state.ts';
import type { LiveStates } from './live-state.ts';
import { MongoStates } from './mongo/mongo-states.ts';
import { RedisStates } from './redis/redis-states.ts';

/**
 * Redis when REDIS_URL is set; else the MongoDB at MONGODB_URI when it runs transactions (every
 * server on that database then shares exact state); else this process's memory.
 */
export async function openLiveStates(
  config: Pick<ServerConfig, 'redisUrl' | 'mongodbUri'>,
  store: Store,
  logger: Logger,
): Promise<LiveStates> {
  if (config.redisUrl) {
    let lastWarned = 0;
    return RedisStates.connect(config.redisUrl, store, (error) => {
      // ioredis reports every failed reconnect: once every 10 s is enough to say Redis is gone.
      if (Date.now() - lastWarned < 10_000) return;
      lastWarned = Date.now();
      logger.warn('the shared state (REDIS_URL) is unreachable; evaluate answers 503 until it is back', {
        error: error.message,
      });
    });
  }
  if (config.mongodbUri) {
    const shared = await MongoStates.connect(config.mongodbUri, store);
    if (shared) return shared;
    logger.warn(
      'the MongoDB at MONGODB_URI is a standalone server (no transactions): counters, stock and seen orders stay in this process, so run one server on it, or use a replica set (one node will do) or REDIS_URL to share them',
    );
  }
  return new InProcessStates(store);
}
