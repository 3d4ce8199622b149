import type { Redis } from 'ioredis';
import { stateKeys } from '../live-state/redis/redis-client-state.ts';
import type { Logger } from '../logger.ts';
import type { DecisionRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';

const EVERY_MS = 250;
const BATCH = 1000;

/**
 * Control server, with shared state: moves the audit lines evaluators committed to Redis (each in the
 * same script as its decision's state changes, so none is lost with an evaluator) into the store's
 * audit log, then deletes them from the stream. One writer keeps the log as it always was; a crash
 * between the append and the delete appends those lines again on the next pass, and an order's
 * newest line is the one read, so a repeat changes nothing.
 */
export class AuditDrain {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.drainAll().then(() => {
        if (this.timer !== undefined) this.timer = setTimeout(tick, EVERY_MS);
      });
    };
    this.timer = setTimeout(tick, EVERY_MS);
  }

  /** Stops the timer and drains what is there now. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await this.drainAll();
  }

  async drainAll(): Promise<number> {
    let moved = 0;
    try {
      for (const client of await this.store.clients.list()) moved += await this.drain(client.clientId);
      if (this.failing) this.logger.info('audit lines flow from Redis to the store again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) {
        this.logger.warn('cannot move audit lines from Redis to the store; they wait in Redis', {
          error: (error as Error).message,
        });
      }
      this.failing = true;
    }
    return moved;
  }

  private async drain(clientId: string): Promise<number> {
    const stream = stateKeys(clientId).audit;
    let moved = 0;
    for (;;) {
      const entries = await this.redis.xrange(stream, '-', '+', 'COUNT', BATCH);
      if (entries.length === 0) return moved;
      const records = entries.map(([, fields]) => JSON.parse(fields[1]!) as DecisionRecord);
      await this.store.audit.append(records);
      await this.redis.xdel(stream, ...entries.map(([id]) => id));
      moved += entries.length;
      if (entries.length < BATCH) return moved;
    }
  }
}
