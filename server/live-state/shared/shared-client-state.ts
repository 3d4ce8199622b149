import type { StateSnapshot } from '../../../engine/state/index.ts';
import type { RecordingView, Segment } from './recording-view.ts';
import type { StateCache } from './state-cache.ts';

/**
 * `c` commit a new order, `a` commit an order seen before whose record is gone (decided again, as
 * seen, as one process would), `v` only verify: a dry run.
 */
export type CommitMode = 'c' | 'a' | 'v';

/**
 * What committing one segment came to. `values` are `kind key value` triples of every key the
 * segment touched (after the commit, or as they are now on a conflict): c counter, s stock ('' when
 * untracked), b buyer, o seen ('1'/'0'), m merge group (`closesAt:size`, '' for none).
 */
export type CommitReply =
  | { kind: 'committed'; values: string[] }
  | { kind: 'conflict'; values: string[] }
  /** The order was decided before; `record` its audit line, '' when none is kept. */
  | { kind: 'duplicate'; record: string };

/**
 * One client's state kept outside this process (Redis, or MongoDB with transactions) and shared by
 * every evaluator: decisions are made against `view` and made final by `commit`.
 */
export interface SharedClientState {
  readonly cache: StateCache;
  readonly view: RecordingView;
  /**
   * Commits segments each alone and in order (a later one may fail on a value an earlier one
   * changed, never the other way round), each with its audit line `records[i]` ('' for none), and
   * learns the values every answer carries.
   */
  commit(segments: readonly Segment[], records: readonly string[], mode: CommitMode): Promise<CommitReply[]>;
  /** The audit line kept for an order any evaluator decided, if it is still kept. */
  record(orderId: string): Promise<string | undefined>;
  snapshot(): Promise<StateSnapshot>;
  /** Replaces counters, stock, buyers and merge groups at once; seen orders stay seen. */
  replace(snapshot: StateSnapshot): Promise<void>;
}
