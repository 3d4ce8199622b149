import { statSync } from 'node:fs';
import { InputError } from '../../engine/errors/index.ts';
import type { SkippedRow } from '../threads/messages.ts';
import type { CsvMapping } from './csv-mapping.ts';
import type { CsvGroup } from './csv-order.ts';
import { type CsvPlan, planCsv } from './csv-plan.ts';
import { CsvRows } from './csv-rows.ts';
import type { OrderSource, SourceItem } from './order-source.ts';

const GROUPS_PER_BATCH = 256;

/**
 * A CSV export as batches of orders: consecutive rows with the same order id are one order (exports
 * write an order's lines together). A row of only empty cells is not an order. An unreadable row
 * is reported on its own, and taints the order around it when the rows on both sides belong to it.
 */
export class CsvSource implements OrderSource {
  readonly totalBytes: number;

  private constructor(
    private readonly rows: CsvRows,
    readonly plan: CsvPlan,
    private readonly limit: number | undefined,
    file: string,
  ) {
    this.totalBytes = statSync(file).size;
  }

  /** Opens the file and reads its header row against the mapping. */
  static async open(file: string, mapping: CsvMapping, limit: number | undefined): Promise<CsvSource> {
    const rows = new CsvRows(file, mapping);
    const header = await rows.next();
    if (!header) throw new InputError('csv_empty', `${file} has no header row`, { field: file, line: 1 });
    return new CsvSource(rows, planCsv(header.cells, mapping, file), limit, file);
  }

  get bytesRead(): number {
    return this.rows.bytesRead;
  }

  async *items(): AsyncGenerator<SourceItem> {
    const limit = this.limit ?? Number.POSITIVE_INFINITY;
    let handedOut = 0;
    let groups: CsvGroup[] = [];
    for await (const unit of this.units()) {
      if (handedOut++ >= limit) break;
      if (unit.kind === 'bad') {
        yield unit;
        continue;
      }
      groups.push(unit.group);
      if (groups.length >= GROUPS_PER_BATCH) {
        yield { kind: 'batch', batch: { kind: 'csv', groups } };
        groups = [];
      }
    }
    if (groups.length > 0) yield { kind: 'batch', batch: { kind: 'csv', groups } };
    this.close();
  }

  close(): void {
    this.rows.close();
  }

  /** Orders (row groups) and unreadable rows, in file order. */
  private async *units(): AsyncGenerator<
    { kind: 'group'; group: CsvGroup } | { kind: 'bad'; row: SkippedRow }
  > {
    let open: { id: string; group: CsvGroup } | undefined;
    for (let row = await this.rows.next(); row; row = await this.rows.next()) {
      if (row.cells.every((c) => c.trim() === '')) continue;
      const id = (row.cells[this.plan.idIndex] ?? '').trim();
      const continues = open !== undefined && id !== '' && id === open.id;
      for (const bad of this.rows.takeUnreadable(row.line)) {
        if (continues) open!.group.broken ??= bad;
        yield { kind: 'bad', row: bad };
      }
      if (continues) {
        open!.group.rows.push(row);
        continue;
      }
      if (open) yield { kind: 'group', group: open.group };
      open = { id, group: { line: row.line, rows: [row] } };
    }
    if (open) yield { kind: 'group', group: open.group };
    for (const bad of this.rows.takeUnreadable()) yield { kind: 'bad', row: bad };
  }
}
