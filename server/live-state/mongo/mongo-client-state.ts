import type { Connection, Model, mongo } from 'mongoose';
import type { StateSnapshot } from '../../../engine/state/index.ts';
import { decode } from '../../store/mongo/codec.ts';
import { type DecisionDoc, isDuplicateKey } from '../../store/mongo/models.ts';
import { type DecisionRecord, DecisionRecordSchema, type PersistedState } from '../../store/records.ts';
import {
  checkSegment,
  DEFAULT_VALUE,
  keysOf,
  type ValueKind,
  valueId,
  valuesOf,
} from '../shared/check-segment.ts';
import { RecordingView, type Segment } from '../shared/recording-view.ts';
import type { CommitMode, CommitReply, SharedClientState } from '../shared/shared-client-state.ts';
import { snapshotOf, stockFields } from '../shared/shared-snapshot.ts';
import { parseMerge, StateCache } from '../shared/state-cache.ts';
import { docId, type StateValueDoc } from './state-values.ts';

/** A merge group's document outlives its window by this much (wall time), as in Redis. */
const MERGE_GRACE_MS = 24 * 3600 * 1000;
/** Commits lost to another evaluator's write on the same values before the error is passed on. */
const MAX_RACES = 8;
const SEED_BATCH = 1000;

const TRANSACTION = {
  readConcern: { level: 'snapshot' },
  writeConcern: { w: 'majority' },
} as const satisfies mongo.TransactionOptions;

/** The kinds a snapshot reads; seen orders and the seeded mark are not part of it. */
const SNAPSHOT_KINDS: StateValueDoc['kind'][] = ['c', 's', 'b', 'm', 'L'];

/**
 * One client's shared state in MongoDB. A chunk's decisions are committed in one multi-document
 * transaction: every value their segments touch is read at one snapshot, each segment is checked
 * against it in order (`checkSegment`, the commit script's twin), and every value a committed
 * segment read or changed is written back with its read value as the update's precondition, with
 * the audit lines in the same transaction. Writing the values a decision only read is what makes
 * it exact: MongoDB's snapshot isolation refuses two transactions writing one document, not one
 * reading what another writes, so a read is turned into a write. A lost race aborts the whole
 * chunk, which is checked again from fresh values.
 */
export class MongoClientState implements SharedClientState {
  readonly cache = new StateCache();
  readonly view = new RecordingView(this.cache);

  constructor(
    private readonly connection: Connection,
    private readonly values: mongo.Collection<StateValueDoc>,
    private readonly audit: Model<DecisionDoc>,
    readonly clientId: string,
  ) {}

  private id(kind: StateValueDoc['kind'], key: string): string {
    return docId(this.clientId, kind, key);
  }

  /**
   * Seeds the client's values from the store the first time any evaluator opens it: upserts that
   * never overwrite (a second evaluator seeding at once writes the same values), then the mark.
   */
  async open(stored: () => Promise<PersistedState>): Promise<void> {
    if (!(await this.values.findOne({ _id: this.id('x', '') }))) {
      const { snapshot, seenOrders } = await stored();
      const docs: [ValueKind, string, string][] = [
        ...Object.entries(snapshot.counters).map(
          ([k, v]) => ['c', k, String(v)] as [ValueKind, string, string],
        ),
        ...Object.entries(stockFields(snapshot)).map(
          ([f, v]) => ['s', f, String(v)] as [ValueKind, string, string],
        ),
        ...Object.entries(snapshot.buyers).map(
          ([k, v]) => ['b', k, String(v)] as [ValueKind, string, string],
        ),
        ...seenOrders.map((id) => ['o', id, '1'] as [ValueKind, string, string]),
      ];
      for (let i = 0; i < docs.length; i += SEED_BATCH) {
        await this.values.bulkWrite(
          docs.slice(i, i + SEED_BATCH).map(([kind, key, v]) => ({
            updateOne: {
              filter: { _id: this.id(kind, key) },
              update: { $setOnInsert: { client: this.clientId, kind, key, v, n: 0 } },
              upsert: true,
            },
          })),
          { ordered: false },
        );
      }
      await this.values.updateOne(
        { _id: this.id('x', '') },
        { $setOnInsert: { client: this.clientId, kind: 'x', key: '', v: '1', n: 0 } },
        { upsert: true },
      );
    }
    await this.load();
  }

  /** Counters and stock, few and read by most decisions, so the first orders need not be decided twice. */
  private async load(): Promise<void> {
    this.cache.clear();
    for await (const doc of this.values.find({ client: this.clientId, kind: { $in: ['c', 's'] } })) {
      if (doc.kind === 'c') this.cache.counters.set(doc.key, Number(doc.v));
      else this.cache.stock.set(doc.key, doc.v === '' ? null : Number(doc.v));
    }
  }

  async commit(
    segments: readonly Segment[],
    records: readonly string[],
    mode: CommitMode,
  ): Promise<CommitReply[]> {
    for (let race = 1; ; race++) {
      const session = await this.connection.startSession();
      try {
        let replies: CommitReply[] = [];
        // The callback runs again on a transient error (a write conflict): it starts from fresh reads.
        await session.withTransaction(async () => {
          replies = await this.commitIn(session, segments, records, mode);
        }, TRANSACTION);
        for (const reply of replies) if (reply.kind !== 'duplicate') this.cache.learn(reply.values);
        return replies;
      } catch (error) {
        // An upsert whose precondition failed: a value moved between the read and the write.
        if (!isDuplicateKey(error) || race === MAX_RACES) throw error;
      } finally {
        await session.endSession();
      }
    }
  }

  private async commitIn(
    session: mongo.ClientSession,
    segments: readonly Segment[],
    records: readonly string[],
    mode: CommitMode,
  ): Promise<CommitReply[]> {
    const ids = new Set<string>();
    let merging = false;
    for (const segment of segments) {
      ids.add(this.id('o', segment.orderId));
      for (const { kind, key } of keysOf(segment.ops)) {
        ids.add(this.id(kind, key));
        merging ||= kind === 'm';
      }
    }
    if (merging) ids.add(this.id('L', ''));
    const read = new Map<string, StateValueDoc>();
    for await (const doc of this.values.find({ _id: { $in: [...ids] } }, { session })) read.set(doc._id, doc);
    const table = new Map<string, string>();
    for (const doc of read.values())
      if (doc.kind !== 'L') table.set(valueId(doc.kind as ValueKind, doc.key), doc.v);
    const now = (id: string) => table.get(id);

    const replies: CommitReply[] = [];
    const written = new Map<string, { kind: ValueKind; key: string }>();
    const mergedAt = new Map<string, number>();
    const audit: { record: DecisionRecord; line: string }[] = [];
    for (const [i, segment] of segments.entries()) {
      if (mode === 'c' && table.get(valueId('o', segment.orderId)) === '1') {
        replies.push({
          kind: 'duplicate',
          record: (await this.latestRecord(segment.orderId, session)) ?? '',
        });
        continue;
      }
      const check = checkSegment(segment.ops, now);
      if (check.holds && mode !== 'v') {
        for (const [id, v] of check.changes) table.set(id, v);
        for (const touched of check.touched) written.set(valueId(touched.kind, touched.key), touched);
        for (const [key, at] of check.mergedAt) mergedAt.set(key, at);
        if (records[i]) audit.push({ record: auditRecord(records[i]!, segment.orderId), line: records[i]! });
      }
      replies.push({ kind: check.holds ? 'committed' : 'conflict', values: valuesOf(check.touched, now) });
    }
    if (written.size === 0) return replies;

    const writes: mongo.AnyBulkWriteOperation<StateValueDoc>[] = [];
    for (const [id, { kind, key }] of written) {
      const _id = this.id(kind, key);
      const before = read.get(_id);
      const set: Partial<StateValueDoc> = {
        client: this.clientId,
        kind,
        key,
        v: table.get(id) ?? DEFAULT_VALUE[kind],
      };
      const at = mergedAt.get(key);
      if (kind === 'm' && at !== undefined) {
        const closesAt = parseMerge(set.v!)!.closesAt;
        set.expireAt = new Date(Date.now() + Math.max(closesAt - at, 0) + MERGE_GRACE_MS);
      }
      writes.push({
        updateOne: {
          filter: before ? { _id, v: before.v, n: before.n } : { _id },
          update: { $set: set, $inc: { n: 1 } },
          upsert: true,
        },
      });
    }
    if (mergedAt.size > 0) {
      const latest = read.get(this.id('L', ''));
      const at = Math.max(Number(latest?.v ?? Number.NEGATIVE_INFINITY), ...mergedAt.values());
      writes.push({
        updateOne: {
          filter: latest ? { _id: latest._id, v: latest.v, n: latest.n } : { _id: this.id('L', '') },
          update: { $set: { client: this.clientId, kind: 'L', key: '', v: String(at) }, $inc: { n: 1 } },
          upsert: true,
        },
      });
    }
    await this.values.bulkWrite(writes, { session, ordered: true });
    if (audit.length > 0) {
      await this.audit.insertMany(
        // The line as given, so a repeat is answered with exactly what the first answer recorded.
        audit.map(({ record, line }) => ({
          clientId: record.clientId,
          orderId: record.orderId,
          at: new Date(record.at),
          body: line,
        })),
        { session, ordered: true },
      );
    }
    return replies;
  }

  private async latestRecord(orderId: string, session?: mongo.ClientSession): Promise<string | undefined> {
    const doc = await this.audit
      .findOne({ clientId: this.clientId, orderId }, null, session ? { session } : {})
      .sort({ at: -1, _id: -1 })
      .lean();
    if (!doc) return undefined;
    decode(DecisionRecordSchema, doc.body, `decisions/${this.clientId}/${orderId}`);
    return doc.body;
  }

  record(orderId: string): Promise<string | undefined> {
    return this.latestRecord(orderId);
  }

  async snapshot(): Promise<StateSnapshot> {
    const by: Record<string, [string, string][]> = { c: [], s: [], b: [], m: [] };
    let latestMerge: number | undefined;
    for await (const doc of this.values.find({ client: this.clientId, kind: { $in: SNAPSHOT_KINDS } })) {
      if (doc.kind === 'L') latestMerge = Number(doc.v);
      else by[doc.kind]!.push([doc.key, doc.v]);
    }
    return snapshotOf({ counters: by.c!, stock: by.s!, buyers: by.b!, merges: by.m!, latestMerge });
  }

  /** One transaction: evaluators deciding meanwhile see the old values or the new, never a mix. */
  async replace(snapshot: StateSnapshot): Promise<void> {
    const session = await this.connection.startSession();
    const doc = (kind: StateValueDoc['kind'], key: string, v: string, expireAt?: Date): StateValueDoc => ({
      _id: this.id(kind, key),
      client: this.clientId,
      kind,
      key,
      v,
      n: 0,
      ...(expireAt ? { expireAt } : {}),
    });
    const docs = [
      ...Object.entries(snapshot.counters).map(([k, v]) => doc('c', k, String(v))),
      ...Object.entries(stockFields(snapshot)).map(([f, v]) => doc('s', f, String(v))),
      ...Object.entries(snapshot.buyers).map(([k, v]) => doc('b', k, String(v))),
      ...Object.entries(snapshot.merges ?? {}).map(([key, group]) => {
        const closesAt = Date.parse(group.closesAt);
        const expireAt = new Date(Math.max(closesAt, Date.now()) + MERGE_GRACE_MS);
        return doc('m', key, `${closesAt}:${group.size}`, expireAt);
      }),
    ];
    try {
      await session.withTransaction(async () => {
        await this.values.deleteMany({ client: this.clientId, kind: { $in: SNAPSHOT_KINDS } }, { session });
        if (docs.length > 0) await this.values.insertMany(docs, { session });
        await this.values.updateOne(
          { _id: this.id('x', '') },
          { $set: { client: this.clientId, kind: 'x', key: '', v: '1' }, $inc: { n: 1 } },
          { session, upsert: true },
        );
      }, TRANSACTION);
    } finally {
      await session.endSession();
    }
    await this.load();
  }
}

/** A decision's audit line, checked before it joins the store's audit log. */
function auditRecord(line: string, orderId: string): DecisionRecord {
  const parsed = DecisionRecordSchema.safeParse(JSON.parse(line));
  if (!parsed.success || parsed.data.orderId !== orderId) {
    throw new Error(
      `the audit line committed with order ${orderId} is not its decision record: ${line.slice(0, 200)}`,
    );
  }
  return parsed.data;
}
