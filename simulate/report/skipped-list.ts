import type { SkippedRow } from '../threads/messages.ts';

/** How many skipped rows a report lists; the total is always counted. */
export const SKIPPED_SHOWN = 200;

/**
 * Skipped rows in bounded memory: keeps the `limit` with the lowest line numbers, whichever
 * worker found them first, so the list is the same on every run.
 */
export class SkippedList {
  total = 0;
  private rows: SkippedRow[] = [];

  constructor(private readonly limit = SKIPPED_SHOWN) {}

  add(rows: readonly SkippedRow[]): void {
    this.total += rows.length;
    this.rows.push(...rows);
    if (this.rows.length > 2 * this.limit) this.trim();
  }

  list(): SkippedRow[] {
    this.trim();
    return [...this.rows];
  }

  private trim(): void {
    this.rows.sort((a, b) => a.line - b.line || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
    this.rows.length = Math.min(this.rows.length, this.limit);
  }
}
