import type { Redis } from 'ioredis';
import type { StateSnapshot } from '../../../engine/state/index.ts';
import type { PersistedState } from '../../store/records.ts';
import { RecordingView, type Segment } from '../shared/recording-view.ts';
import type { CommitMode, CommitReply, SharedClientState } from '../shared/shared-client-state.ts';
import { snapshotOf, stockFields } from '../shared/shared-snapshot.ts';
import { StateCache } from '../shared/state-cache.ts';
import { COMMIT_SCRIPT, parseCommitReply } from './commit-script.ts';

/** How long an order's decision record answers retries from any evaluator. */
const RECORD_TTL_S = 14 * 24 * 3600;
/** A merge group's key outlives its window by this much (wall time): a late order still finds it. */
const MERGE_GRACE_MS = 24 * 3600 * 1000;

/** The keys of one client's shared state; the `{clientId}` hash tag keeps them on one Redis Cluster slot. */
export function stateKeys(clientId: string) {
  const base = `og:{${clientId}}`;
  return {
    counters: `${base}:counters`,
    stock: `${base}:stock`,
    buyers: `${base}:buyers`,
    seen: `${base}:seen`,
    seeded: `${base}:seeded`,
    mergeLatest: `${base}:merge-latest`,
    audit: `${base}:audit`,
    decision: (orderId: string) => `${base}:decision:${orderId}`,
    merge: (key: string) => `${base}:merge:${key}`,
    mergePattern: `${base}:merge:*`,
  };
}

const SEED_SCRIPT = `
if redis.call('EXISTS', KEYS[5]) == 1 then return 0 end
local state = cjson.decode(ARGV[1])
for k, v in pairs(state.counters) do redis.call('HSET', KEYS[1], k, v) end
for f, v in pairs(state.stock) do redis.call('HSET', KEYS[2], f, v) end
for k, v in pairs(state.buyers) do redis.call('HSET', KEYS[3], k, v) end
for _, id in ipairs(state.seen) do redis.call('SADD', KEYS[4], id) end
redis.call('SET', KEYS[5], '1')
return 1
`;

interface ScriptedRedis {
  ordergraphCommit(numKeys: number, ...args: string[]): Promise<unknown>;
  ordergraphSeed(numKeys: number, ...args: string[]): Promise<number>;
}

/** Registers the scripts on a connection (ioredis runs them by SHA, loading them again after a Redis restart). */
export function defineStateScripts(redis: Redis): void {
  redis.defineCommand('ordergraphCommit', { lua: COMMIT_SCRIPT });
  redis.defineCommand('ordergraphSeed', { lua: SEED_SCRIPT });
}

/**
 * One client's counters, stock, buyer counts, seen orders and merge groups in Redis, shared by every
 * evaluator; decisions are made against `view` and made final with `commit`, one script per decision.
 */
export class RedisClientState implements SharedClientState {
  readonly cache = new StateCache();
  readonly view = new RecordingView(this.cache);
  private readonly keys: ReturnType<typeof stateKeys>;

  constructor(
    private readonly redis: Redis,
    readonly clientId: string,
  ) {
    this.keys = stateKeys(clientId);
  }

  /**
   * Seeds Redis from the store the first time a client is used (its stock levels, counters, buyers and
   * seen orders; once, whichever evaluator gets there first), then loads counters and stock, which
   * are few and read by most decisions, so the first orders need not be decided twice.
   */
  async open(stored: () => Promise<PersistedState>): Promise<void> {
    if (!(await this.redis.exists(this.keys.seeded))) {
      const { snapshot, seenOrders } = await stored();
      await this.seed(snapshot, seenOrders);
    }
    await this.load();
  }

  private async load(): Promise<void> {
    this.cache.clear();
    const [counters, stock] = await Promise.all([
      this.redis.hgetall(this.keys.counters),
      this.redis.hgetall(this.keys.stock),
    ]);
    for (const [key, value] of Object.entries(counters)) this.cache.counters.set(key, Number(value));
    for (const [field, value] of Object.entries(stock)) this.cache.stock.set(field, Number(value));
  }

  private async seed(snapshot: StateSnapshot, seen: readonly string[]): Promise<boolean> {
    const stock = stockFields(snapshot);
    const state = { counters: snapshot.counters, stock, buyers: snapshot.buyers, seen: [...seen] };
    const k = this.keys;
    const args = [k.counters, k.stock, k.buyers, k.seen, k.seeded, JSON.stringify(state)];
    return (await (this.redis as unknown as ScriptedRedis).ordergraphSeed(5, ...args)) === 1;
  }

  /**
   * Commits decisions' segments in one round trip, each alone and in order: a later one may fail on
   * a value an earlier one changed, never the other way round. `records[i]` is segment i's audit line
   * ('' for none). Learns the values every answer carries.
   */
  async commit(
    segments: readonly Segment[],
    records: readonly string[],
    mode: CommitMode,
  ): Promise<CommitReply[]> {
    const batch = this.redis.pipeline() as unknown as ScriptedRedis & {
      exec(): Promise<[Error | null, unknown][] | null>;
    };
    for (const [i, segment] of segments.entries()) {
      const k = this.keys;
      const keys = [
        k.counters,
        k.stock,
        k.buyers,
        k.seen,
        k.decision(segment.orderId),
        k.audit,
        k.mergeLatest,
      ];
      for (const mergeKey of segment.mergeKeys) keys.push(k.merge(mergeKey));
      const args = [mode, segment.orderId, records[i] ?? '', String(RECORD_TTL_S), String(MERGE_GRACE_MS)];
      batch.ordergraphCommit(keys.length, ...keys, ...args, ...segment.ops);
    }
    const answers = await batch.exec();
    if (!answers) throw new Error('the Redis transaction was aborted');
    return answers.map(([error, reply]) => {
      if (error) throw error;
      const parsed = parseCommitReply(reply);
      if (parsed.kind !== 'duplicate') this.cache.learn(parsed.values);
      return parsed;
    });
  }

  /** The audit line kept for a decided order, if its record has not expired. */
  async record(orderId: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.decision(orderId))) ?? undefined;
  }

  async snapshot(): Promise<StateSnapshot> {
    const [counters, stock, buyers, latest] = await Promise.all([
      this.redis.hgetall(this.keys.counters),
      this.redis.hgetall(this.keys.stock),
      this.redis.hgetall(this.keys.buyers),
      this.redis.get(this.keys.mergeLatest),
    ]);
    const merges: [string, string][] = [];
    const prefix = this.keys.merge('');
    for await (const batch of this.redis.scanStream({ match: this.keys.mergePattern, count: 1000 })) {
      const names = batch as string[];
      if (names.length === 0) continue;
      const values = await this.redis.mget(names);
      for (const [i, name] of names.entries()) merges.push([name.slice(prefix.length), values[i] ?? '']);
    }
    return snapshotOf({
      counters: Object.entries(counters),
      stock: Object.entries(stock),
      buyers: Object.entries(buyers),
      merges,
      latestMerge: latest === null ? undefined : Number(latest),
    });
  }

  /** Replaces counters, stock, buyers and merge groups at once; seen orders stay seen. */
  async replace(snapshot: StateSnapshot): Promise<void> {
    const merges: string[] = [];
    for await (const batch of this.redis.scanStream({ match: this.keys.mergePattern, count: 1000 })) {
      merges.push(...(batch as string[]));
    }
    const k = this.keys;
    const tx = this.redis.multi().del(k.counters, k.stock, k.buyers, k.seeded, k.mergeLatest, ...merges);
    const counters = Object.entries(snapshot.counters);
    if (counters.length > 0) tx.hset(k.counters, Object.fromEntries(counters));
    const stock = stockFields(snapshot);
    if (Object.keys(stock).length > 0) tx.hset(k.stock, stock);
    const buyers = Object.entries(snapshot.buyers);
    if (buyers.length > 0) tx.hset(k.buyers, Object.fromEntries(buyers));
    for (const [key, group] of Object.entries(snapshot.merges ?? {})) {
      const closesAt = Date.parse(group.closesAt);
      tx.set(
        k.merge(key),
        `${closesAt}:${group.size}`,
        'PX',
        Math.max(closesAt - Date.now(), 0) + MERGE_GRACE_MS,
      );
    }
    tx.set(k.seeded, '1');
    await tx.exec();
    await this.load();
  }
}
