import type { Redis } from 'ioredis';
import type { Store } from '../store/store.ts';

/** The Redis channel the control server names each document it writes on. */
export const CHANGES_CHANNEL = 'ordergraph:changes';

/**
 * Control server: names every document written (a publish, a new key, a strategy saved) on the
 * changes channel, so evaluators stop serving what they cached of it. MongoDB keeps no cache here:
 * evaluators read it afresh.
 */
export function announceChanges(redis: Redis, store: Store): void {
  store.documents?.onChange((rel) => {
    // A lost message is a stale cache until the evaluator reconnects (it forgets everything then).
    redis.publish(CHANGES_CHANNEL, rel).catch(() => undefined);
  });
}

/**
 * Evaluator: forgets the cached documents when the control server names a change, and whenever the
 * subscription (re)connects, since changes may have gone unheard while it was down. `redis` is a
 * connection of its own: a subscribed connection runs no other command.
 */
export async function followChanges(redis: Redis, store: Store): Promise<void> {
  redis.on('message', () => store.documents?.forget());
  redis.on('ready', () => store.documents?.forget());
  await redis.subscribe(CHANGES_CHANNEL);
}
