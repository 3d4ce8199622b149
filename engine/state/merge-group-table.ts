import type { MergeGroup } from './merge-groups.ts';

/** Slots the index starts with; it keeps at least twice as many slots as groups. */
const INITIAL_SLOTS = 1024;
/** Groups sit in segments of 2^10 (24 KB), so the table grows by a segment, not by copying itself. */
const SEGMENT_BITS = 10;
const SEGMENT_GROUPS = 1 << SEGMENT_BITS;
const IN_SEGMENT = SEGMENT_GROUPS - 1;

/**
 * Merge groups whose keys are 64-bit hashes written as 16 lowercase hex digits, which is every key
 * the merge event makes. The groups sit densely in segments of typed arrays (24 bytes a group),
 * found through an open-addressing index of group numbers (4 bytes a slot, at most half full):
 * 32–40 bytes a group. A replayed peak keeps every group of a 4-hour window open: the generated
 * 1 M-order double-11 history held up to 524,288 groups a decider (issue 18). A Map from key strings
 * to group objects took ~120 bytes a group, slots of 25 bytes half full at most 50–100, and arrays
 * doubled for the groups (24 bytes a group, allocated for twice as many, the old ones kept while
 * copied) up to 32 MB a decider at that peak, where segments take 17 MB.
 */
export class MergeGroupTable {
  private readonly his: Uint32Array[] = [];
  private readonly los: Uint32Array[] = [];
  private readonly closes: Float64Array[] = [];
  private readonly sizes: Float64Array[] = [];
  /** Slot → group number + 1, 0 for an empty slot; a power of two, at least twice the groups. */
  private index = new Uint32Array(INITIAL_SLOTS);
  private held = 0;
  /** The key `accepts` last took and its halves: the merge event opens a key, then records it. */
  private key: string | undefined;
  private hi = 0;
  private lo = 0;

  get size(): number {
    return this.held;
  }

  /**
   * Whether the table keeps `key`, reading its halves for the next `open` or `record`: a key of 16
   * lowercase hex digits, not any other (it would come back from `entries` spelled otherwise).
   */
  accepts(key: string): boolean {
    if (key === this.key) return true;
    if (key.length !== 16) return false;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < 16; i++) {
      const code = key.charCodeAt(i);
      const digit = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1;
      if (digit < 0) return false;
      if (i < 8) hi = (hi << 4) | digit;
      else lo = (lo << 4) | digit;
    }
    this.key = key;
    this.hi = hi >>> 0;
    this.lo = lo >>> 0;
    return true;
  }

  /** The group under the accepted key, when it is still open at `at`. */
  open(at: number): MergeGroup | undefined {
    const group = this.index[this.slotOf(this.hi, this.lo)]! - 1;
    if (group < 0) return undefined;
    const closesAt = this.closes[group >>> SEGMENT_BITS]![group & IN_SEGMENT]!;
    if (!(at < closesAt)) return undefined;
    return { closesAt, size: this.sizes[group >>> SEGMENT_BITS]![group & IN_SEGMENT]! };
  }

  /** Keeps the later of `group` and the accepted key's group. */
  record({ closesAt, size }: MergeGroup): void {
    let slot = this.slotOf(this.hi, this.lo);
    let group = this.index[slot]! - 1;
    const added = group < 0;
    if (added) {
      if (2 * (this.held + 1) > this.index.length) {
        this.reindex(2 * this.index.length);
        slot = this.slotOf(this.hi, this.lo);
      }
      group = this.held++;
      if (group >>> SEGMENT_BITS === this.his.length) this.addSegment();
      this.index[slot] = group + 1;
    }
    const segment = group >>> SEGMENT_BITS;
    const at = group & IN_SEGMENT;
    if (added) {
      this.his[segment]![at] = this.hi;
      this.los[segment]![at] = this.lo;
    } else if (!laterThan(closesAt, size, this.closes[segment]![at]!, this.sizes[segment]![at]!)) {
      return;
    }
    this.closes[segment]![at] = closesAt;
    this.sizes[segment]![at] = size;
  }

  /** Drops the groups closed by `latest` (`closesAt <= latest`), and the segments and slots they freed. */
  sweep(latest: number): void {
    let kept = 0;
    for (let group = 0; group < this.held; group++) {
      const from = group >>> SEGMENT_BITS;
      const at = group & IN_SEGMENT;
      if (this.closes[from]![at]! <= latest) continue;
      const to = kept >>> SEGMENT_BITS;
      const into = kept & IN_SEGMENT;
      this.his[to]![into] = this.his[from]![at]!;
      this.los[to]![into] = this.los[from]![at]!;
      this.closes[to]![into] = this.closes[from]![at]!;
      this.sizes[to]![into] = this.sizes[from]![at]!;
      kept++;
    }
    this.held = kept;
    const segments = Math.ceil(kept / SEGMENT_GROUPS);
    for (const arrays of [this.his, this.los, this.closes, this.sizes]) arrays.length = segments;
    let slots = INITIAL_SLOTS;
    while (slots < 2 * kept) slots *= 2;
    this.reindex(slots);
  }

  /** Every group held, with its key spelled as it was accepted. */
  *entries(): Generator<[string, MergeGroup]> {
    for (let group = 0; group < this.held; group++) {
      const segment = group >>> SEGMENT_BITS;
      const at = group & IN_SEGMENT;
      const key = hex8(this.his[segment]![at]!) + hex8(this.los[segment]![at]!);
      yield [key, { closesAt: this.closes[segment]![at]!, size: this.sizes[segment]![at]! }];
    }
  }

  /** The key's slot, or the empty slot it would take (linear probing; never full). */
  private slotOf(hi: number, lo: number): number {
    const mask = this.index.length - 1;
    let slot = (Math.imul(lo, 0x9e3779b1) ^ hi) & mask;
    for (let group = this.index[slot]!; group !== 0; group = this.index[slot]!) {
      const segment = (group - 1) >>> SEGMENT_BITS;
      const at = (group - 1) & IN_SEGMENT;
      if (this.his[segment]![at] === hi && this.los[segment]![at] === lo) break;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private addSegment(): void {
    this.his.push(new Uint32Array(SEGMENT_GROUPS));
    this.los.push(new Uint32Array(SEGMENT_GROUPS));
    this.closes.push(new Float64Array(SEGMENT_GROUPS));
    this.sizes.push(new Float64Array(SEGMENT_GROUPS));
  }

  /** Indexes the groups held again, in `slots` slots. */
  private reindex(slots: number): void {
    this.index = new Uint32Array(slots);
    for (let group = 0; group < this.held; group++) {
      const segment = group >>> SEGMENT_BITS;
      const at = group & IN_SEGMENT;
      this.index[this.slotOf(this.his[segment]![at]!, this.los[segment]![at]!)] = group + 1;
    }
  }
}

/** Whether a group closing at `closesAt` with `size` orders is a later state than the one held. */
export function laterThan(closesAt: number, size: number, heldClosesAt: number, heldSize: number): boolean {
  return closesAt > heldClosesAt || (closesAt === heldClosesAt && size > heldSize);
}

const hex8 = (half: number) => half.toString(16).padStart(8, '0');
