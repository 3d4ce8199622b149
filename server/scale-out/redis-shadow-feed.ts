import type { Redis } from 'ioredis';
import type { Decision } from '../../engine/decision/decision.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { outlineOf } from '../../simulate/decide/decision-outline.ts';
import type { Logger } from '../logger.ts';
import type { FedDecision, ShadowFeed } from '../shadow/shadow-feed.ts';

/** Clients with a shadow running on the control server: their evaluators feed it. */
export const SHADOWED_CLIENTS = 'og:shadowed';

/** A client's live decisions, as evaluators made them, on their way to its shadow. */
export const shadowStream = (clientId: string) => `og:{${clientId}}:shadow`;

/**
 * Entries a stream keeps (approximately) when the control server reads none of them: a stopped or
 * crashed control server costs Redis this much memory a client, not more.
 */
const STREAM_LIMIT = 20_000;
/** How often an evaluator asks which clients are shadowed, and sends what it decided for them. */
const REFRESH_MS = 1000;
const SEND_MS = 250;
/** Decisions an evaluator keeps for a shadow while Redis does not take them; past it they are not shadowed. */
const BUFFER_LIMIT = 5000;

/**
 * Evaluator: tells the shadows running on the control server about the live decisions it makes.
 * `observe` is `EvaluationService.onLiveDecision`, called inside the client's turn: it only serialises
 * the decision into a buffer when the client is shadowed; a timer sends the buffers to Redis.
 */
export class ShadowFeedPublisher {
  private shadowed = new Set<string>();
  private readonly buffers = new Map<string, string[]>();
  private readonly timers: NodeJS.Timeout[];
  private sending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
  ) {
    this.timers = [
      setInterval(() => void this.refresh(), REFRESH_MS),
      setInterval(() => {
        this.sending = this.send();
      }, SEND_MS),
    ];
    for (const timer of this.timers) timer.unref();
  }

  /** Which clients are shadowed now (the timer asks again every second). */
  async refresh(): Promise<void> {
    try {
      this.shadowed = new Set(await this.redis.smembers(SHADOWED_CLIENTS));
    } catch {
      // Redis is away: evaluate answers 503 meanwhile; the next refresh asks again.
    }
  }

  readonly observe = (clientId: string, release: number, order: StandardOrder, decision: Decision): void => {
    if (!this.shadowed.has(clientId)) return;
    let buffer = this.buffers.get(clientId);
    if (!buffer) {
      buffer = [];
      this.buffers.set(clientId, buffer);
    }
    if (buffer.length >= BUFFER_LIMIT) return;
    const fed: FedDecision = { release, item: { order, at: Date.now(), live: outlineOf(decision) } };
    buffer.push(JSON.stringify(fed));
  };

  /** Sends what is buffered; a batch Redis refuses is dropped (its orders are not shadowed), not retried. */
  async send(): Promise<void> {
    await this.sending;
    const batches = [...this.buffers].filter(([, lines]) => lines.length > 0);
    if (batches.length === 0) return;
    this.buffers.clear();
    const multi = this.redis.pipeline();
    for (const [clientId, lines] of batches) {
      multi.xadd(shadowStream(clientId), 'MAXLEN', '~', STREAM_LIMIT, '*', 'd', `[${lines.join(',')}]`);
    }
    try {
      await multi.exec();
    } catch (error) {
      this.logger.warn('live decisions not sent to a shadow', { error: (error as Error).message });
    }
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.send();
  }
}

/**
 * Control server: follows a shadowed client's stream from the moment the shadow starts. Its reads block,
 * so each client it follows has a connection of its own.
 */
export function redisShadowFeed(redis: Redis, logger: Logger): ShadowFeed {
  return {
    async follow(clientId, take) {
      const reader = redis.duplicate();
      const stream = shadowStream(clientId);
      let following = true;
      // The stream's newest entry now: the shadow counts what comes after its copy of the state.
      const newest = await redis.xrevrange(stream, '+', '-', 'COUNT', 1);
      let last = newest[0]?.[0] ?? '0';
      await redis.sadd(SHADOWED_CLIENTS, clientId);
      const reading = (async () => {
        while (following) {
          try {
            const answer = await reader.xread('COUNT', 100, 'BLOCK', 500, 'STREAMS', stream, last);
            for (const [, entries] of answer ?? []) {
              for (const [id, fields] of entries) {
                last = id;
                for (const fed of JSON.parse(fields[1]!) as FedDecision[]) take(fed);
              }
            }
          } catch (error) {
            if (!following) return;
            logger.warn('cannot read the live decisions evaluators made for a shadow', {
              clientId,
              error: (error as Error).message,
            });
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      })();
      return async () => {
        following = false;
        await redis.srem(SHADOWED_CLIENTS, clientId).catch(() => undefined);
        reader.disconnect();
        await reading;
      };
    },
  };
}
