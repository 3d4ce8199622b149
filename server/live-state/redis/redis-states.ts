import type { Redis } from 'ioredis';
import type { StateSnapshot } from '../../../engine/state/index.ts';
import { ApiError } from '../../errors/api-error.ts';
import type { Store } from '../../store/store.ts';
import type { LiveState, LiveStates } from '../live-state.ts';
import { SharedLiveState } from '../shared/shared-live-state.ts';
import { connectRedis, redactRedisUrl } from './connect-redis.ts';
import { RedisClientState } from './redis-client-state.ts';

/**
 * Every client's state in the Redis at REDIS_URL, shared by every evaluator of every machine. While
 * Redis cannot be reached, evaluation answers 503 `state_unavailable`: a decision on values that
 * cannot be committed would be a guess.
 */
export class RedisStates implements LiveStates {
  readonly kind = 'redis';

  private constructor(
    readonly redis: Redis,
    private readonly url: string,
    private readonly store: Store,
  ) {}

  static async connect(url: string, store: Store, onError?: (error: Error) => void): Promise<RedisStates> {
    return new RedisStates(await connectRedis(url, onError), url, store);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async open(clientId: string): Promise<LiveState> {
    const shared = new RedisClientState(this.redis, clientId);
    await this.guard(shared.open(() => this.store.state.load(clientId)));
    return new SharedLiveState(shared, (work) => this.guard(work));
  }

  async replace(_clientId: string, current: LiveState, snapshot: StateSnapshot): Promise<LiveState> {
    await this.guard((current as SharedLiveState).replace(snapshot));
    return current;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Redis errors as 503s naming the URL; anything else as it is. */
  private async guard<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof ApiError || !isRedisError(error)) throw error;
      throw new ApiError(
        503,
        'state_unavailable',
        `the shared state at REDIS_URL=${redactRedisUrl(this.url)} cannot be reached (${(error as Error).message}); nothing was decided, send the orders again`,
      );
    }
  }
}

function isRedisError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.constructor.name;
  return (
    name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|EPIPE/.test(error.message)
  );
}
