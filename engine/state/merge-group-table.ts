import type { MergeGroup } from './merge-groups.ts';

/** Groups the table first has room for; its index has twice as many slots. */
const INITIAL_CAPACITY = 512;

/**
 * Merge groups whose keys are 64-bit hashes written as 16 lowercase hex digits, which is every key
 * the merge event makes. The groups sit densely in typed arrays (24 bytes a group), found through an
 * open-addressing index of group numbers (4 bytes a slot, at most half full): 32–64 bytes a group.
 * A Map from key strings to group objects took ~120 bytes a group and three heap objects for the
 * collector to trace (measured); slots of 25 bytes each, half full at most, took 50–100. A replayed
 * peak keeps every group of a 4-hour window open: the generated 1 M-order double-11 history held up
 * to 524,288 groups a decider, 26 MB in such slots and 17 MB so.
 */
export class MergeGroupTable {
  private his = new Uint32Array(INITIAL_CAPACITY);
  private los = new Uint32Array(INITIAL_CAPACITY);
  private closes = new Float64Array(INITIAL_CAPACITY);
  private sizes = new Float64Array(INITIAL_CAPACITY);
  /** Slot → group number + 1, 0 for an empty slot; twice the groups' capacity. */
  private index = new Uint32Array(2 * INITIAL_CAPACITY);
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
    if (group < 0 || !(at < this.closes[group]!)) return undefined;
    return { closesAt: this.closes[group]!, size: this.sizes[group]! };
  }

  /** Keeps the later of `group` and the accepted key's group. */
  record({ closesAt, size }: MergeGroup): void {
    let slot = this.slotOf(this.hi, this.lo);
    let group = this.index[slot]! - 1;
    if (group < 0) {
      if (this.held === this.his.length) {
        this.resize(2 * this.his.length);
        slot = this.slotOf(this.hi, this.lo);
      }
      group = this.held++;
      this.his[group] = this.hi;
      this.los[group] = this.lo;
      this.index[slot] = group + 1;
    } else if (!laterThan(closesAt, size, this.closes[group]!, this.sizes[group]!)) {
      return;
    }
    this.closes[group] = closesAt;
    this.sizes[group] = size;
  }

  /** Drops the groups closed by `latest` (`closesAt <= latest`), into room for as many as are left. */
  sweep(latest: number): void {
    let kept = 0;
    for (let group = 0; group < this.held; group++) {
      if (this.closes[group]! <= latest) continue;
      this.his[kept] = this.his[group]!;
      this.los[kept] = this.los[group]!;
      this.closes[kept] = this.closes[group]!;
      this.sizes[kept] = this.sizes[group]!;
      kept++;
    }
    this.held = kept;
    let capacity = INITIAL_CAPACITY;
    while (capacity < kept) capacity *= 2;
    this.resize(capacity);
  }

  /** Every group held, with its key spelled as it was accepted. */
  *entries(): Generator<[string, MergeGroup]> {
    for (let group = 0; group < this.held; group++) {
      const key = hex8(this.his[group]!) + hex8(this.los[group]!);
      yield [key, { closesAt: this.closes[group]!, size: this.sizes[group]! }];
    }
  }

  /** The key's slot, or the empty slot it would take (linear probing; never full). */
  private slotOf(hi: number, lo: number): number {
    const mask = this.index.length - 1;
    let slot = (Math.imul(lo, 0x9e3779b1) ^ hi) & mask;
    for (let group = this.index[slot]!; group !== 0; group = this.index[slot]!) {
      if (this.his[group - 1] === hi && this.los[group - 1] === lo) break;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Moves the groups held into arrays for `capacity` groups, and indexes them again. */
  private resize(capacity: number): void {
    const held = this.held;
    this.his = moved(this.his, new Uint32Array(capacity), held);
    this.los = moved(this.los, new Uint32Array(capacity), held);
    this.closes = moved(this.closes, new Float64Array(capacity), held);
    this.sizes = moved(this.sizes, new Float64Array(capacity), held);
    this.index = new Uint32Array(2 * capacity);
    for (let group = 0; group < held; group++) {
      this.index[this.slotOf(this.his[group]!, this.los[group]!)] = group + 1;
    }
  }
}

/** `to`, with the first `count` values of `from`. */
function moved<T extends Uint32Array | Float64Array>(from: T, to: T, count: number): T {
  to.set(from.subarray(0, count));
  return to;
}

/** Whether a group closing at `closesAt` with `size` orders is a later state than the one held. */
export function laterThan(closesAt: number, size: number, heldClosesAt: number, heldSize: number): boolean {
  return closesAt > heldClosesAt || (closesAt === heldClosesAt && size > heldSize);
}

const hex8 = (half: number) => half.toString(16).padStart(8, '0');
