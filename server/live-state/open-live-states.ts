import type { ServerConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { InProcessStates } from './in-process-state.ts';
import { RedisStates } from './redis/redis-states.ts';

/** Redis when REDIS_URL is set, else this process's memory. */
export async function openLiveStates(
  config: Pick<ServerConfig, 'redisUrl'>,
  store: Store,
  logger: Logger,
): Promise<InProcessStates | RedisStates> {
  if (!config.redisUrl) return new InProcessStates(store);
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
