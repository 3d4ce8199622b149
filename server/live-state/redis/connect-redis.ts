import { Redis } from 'ioredis';
import { InputError } from '../../../engine/errors/index.ts';
import { defineStateScripts } from './redis-client-state.ts';

/** `redis://user:secret@host` as it may be printed: without the password. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

/**
 * Connects to the Redis at REDIS_URL, or says why not. Commands fail at once while the connection is
 * down (no offline queue): an evaluate then answers 503 instead of waiting, or deciding on stale
 * values; the client keeps reconnecting in the background, so service resumes when Redis returns.
 */
export async function connectRedis(url: string, onError?: (error: Error) => void): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  redis.on('error', (error: Error) => onError?.(error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new InputError(
      'redis_unavailable',
      `cannot reach Redis at REDIS_URL=${redactRedisUrl(url)}: ${(error as Error).message}`,
    );
  }
  defineStateScripts(redis);
  return redis;
}
