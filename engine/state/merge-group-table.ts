import type { MergeGroup } from './merge-groups.ts';

const INITIAL_SLOTS = 1024;

/**
 * Merge groups whose keys are 64-bit hashes written as 16 lowercase hex digits, which is every key
 * the merge event makes: an open-addressing table over typed arrays, 25 bytes a slot at most half
 * full. A Map from key strings to group objects took ~120 bytes a group and three heap objects for
 * the collector to trace (measured), and a replayed peak keeps every group of a 4-hour window open:
 * half a million a decider in a double-11 hour.
 */
export class MergeGroupTable {
  private his = new Uint32Array(INITIAL_SLOTS);
  private los = new Uint32Array(INITIAL_SLOTS);
  private closes = new Float64Array(INITIAL_SLOTS);
  private sizes = new Float64Array(INITIAL_SLOTS);
  private used = new Uint8Array(INITIAL_SLOTS);
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
    const slot = this.slotOf(this.hi, this.lo);
    if (this.used[slot] === 0 || !(at < this.closes[slot]!)) return undefined;
    return { closesAt: this.closes[slot]!, size: this.sizes[slot]! };
  }

  /** Keeps the later of `group` and the accepted key's group. */
  record({ closesAt, size }: MergeGroup): void {
    let slot = this.slotOf(this.hi, this.lo);
    if (this.used[slot] === 0) {
      if (2 * (this.held + 1) > this.used.length) {
        this.rebuild(2 * this.used.length);
        slot = this.slotOf(this.hi, this.lo);
      }
      this.used[slot] = 1;
      this.held++;
    } else if (!laterThan(closesAt, size, this.closes[slot]!, this.sizes[slot]!)) {
      return;
    }
    this.his[slot] = this.hi;
    this.los[slot] = this.lo;
    this.closes[slot] = closesAt;
    this.sizes[slot] = size;
  }

  /** Drops the groups closed by `latest` (`closesAt <= latest`). */
  sweep(latest: number): void {
    let open = 0;
    for (let slot = 0; slot < this.used.length; slot++) {
      if (this.used[slot] !== 0 && !(this.closes[slot]! <= latest)) open++;
    }
    let slots = INITIAL_SLOTS;
    while (slots < 2 * open) slots *= 2;
    this.rebuild(slots, latest);
  }

  /** Every group held, with its key spelled as it was accepted. */
  *entries(): Generator<[string, MergeGroup]> {
    for (let slot = 0; slot < this.used.length; slot++) {
      if (this.used[slot] === 0) continue;
      const key = hex8(this.his[slot]!) + hex8(this.los[slot]!);
      yield [key, { closesAt: this.closes[slot]!, size: this.sizes[slot]! }];
    }
  }

  /** The key's slot, or the empty slot it would take (linear probing; never full). */
  private slotOf(hi: number, lo: number): number {
    const mask = this.used.length - 1;
    let slot = (Math.imul(lo, 0x9e3779b1) ^ hi) & mask;
    while (this.used[slot] !== 0 && (this.his[slot] !== hi || this.los[slot] !== lo)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Moves the groups into new arrays of `slots` slots, but those closed by `latest` when given. */
  private rebuild(slots: number, latest?: number): void {
    const { his, los, closes, sizes, used } = this;
    this.his = new Uint32Array(slots);
    this.los = new Uint32Array(slots);
    this.closes = new Float64Array(slots);
    this.sizes = new Float64Array(slots);
    this.used = new Uint8Array(slots);
    this.held = 0;
    for (let old = 0; old < used.length; old++) {
      if (used[old] === 0 || (latest !== undefined && closes[old]! <= latest)) continue;
      const slot = this.slotOf(his[old]!, los[old]!);
      this.used[slot] = 1;
      this.his[slot] = his[old]!;
      this.los[slot] = los[old]!;
      this.closes[slot] = closes[old]!;
      this.sizes[slot] = sizes[old]!;
      this.held++;
    }
  }
}

/** Whether a group closing at `closesAt` with `size` orders is a later state than the one held. */
export function laterThan(closesAt: number, size: number, heldClosesAt: number, heldSize: number): boolean {
  return closesAt > heldClosesAt || (closesAt === heldClosesAt && size > heldSize);
}

const hex8 = (half: number) => half.toString(16).padStart(8, '0');
