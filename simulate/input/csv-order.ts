import { InputError } from '../../engine/errors/index.ts';
import { normaliseOrder } from '../../engine/order/normalise.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import {
  CellError,
  excelText,
  readBoolean,
  readEnum,
  readInteger,
  readList,
  readMoney,
  readNumber,
  readOrderId,
  readTime,
} from './cell-values.ts';
import { BUILTIN_VALUES, CSV_FIELDS, type CsvField, ENUM_VALUES } from './csv-fields.ts';
import type { CsvColumn, CsvPlan } from './csv-plan.ts';
import { compileDateFormat, type DateFormat } from './date-format.ts';

export interface CsvRow {
  line: number;
  cells: string[];
}

/** The rows of one order, and a row next to them csv-parse could not read, which may have been one of its lines. */
export interface CsvGroup {
  line: number;
  rows: CsvRow[];
  broken?: { line: number; reason: string };
}

type Json = Record<string, unknown>;

/** Turns the rows of one order into a standard order, per a plan; made once per worker. */
export class CsvOrderReader {
  private readonly formats: DateFormat[];
  private readonly orderColumns: CsvColumn[];
  private readonly lineColumns: CsvColumn[];
  private readonly mapped: Set<CsvField>;

  constructor(private readonly plan: CsvPlan) {
    this.formats = plan.mapping.dateFormats.map((f) => compileDateFormat(f) as DateFormat);
    this.orderColumns = plan.columns.filter((c) => !c.field.startsWith('lines.'));
    this.lineColumns = plan.columns.filter((c) => c.field.startsWith('lines.'));
    this.mapped = new Set(plan.columns.map((c) => c.field));
  }

  /** The standard order; throws InputError naming the row's line and the column. */
  read(group: CsvGroup): StandardOrder {
    if (group.broken) {
      throw new InputError(
        'csv_row_unreadable',
        `line ${group.broken.line}, a row among this order's lines, could not be read: ${group.broken.reason}`,
        { line: group.broken.line },
      );
    }
    for (const row of group.rows) this.checkWidth(row);
    const order: Json = {};
    for (const column of this.orderColumns) {
      const row = group.rows.find((r) => (r.cells[column.index] ?? '').trim() !== '');
      if (row) setPath(order, column.field, this.cell(row, column));
    }
    // An order-level export has no line columns: its orders have no lines, not one empty line per row.
    order.lines = this.lineColumns.length === 0 ? [] : this.lines(group);
    this.fillUnmapped(order);
    return normaliseOrder(order, { line: group.line });
  }

  private lines(group: CsvGroup): Json[] {
    return group.rows.map((row) => {
      const line: Json = {};
      for (const column of this.lineColumns) {
        if ((row.cells[column.index] ?? '').trim() !== '') {
          line[column.field.slice('lines.'.length)] = this.cell(row, column);
        }
      }
      return line;
    });
  }

  private cell(row: CsvRow, column: CsvColumn): unknown {
    const text = excelText(row.cells[column.index]!);
    const { mapping } = this.plan;
    try {
      switch (CSV_FIELDS[column.field]) {
        case 'text':
          return column.field === 'id' ? readOrderId(text) : text.trim();
        case 'money':
          return readMoney(text, mapping.decimalSeparator);
        case 'number':
          return readNumber(text, mapping.decimalSeparator);
        case 'integer':
          return readInteger(text, mapping.decimalSeparator);
        case 'boolean':
          return readBoolean(text);
        case 'time':
          return readTime(text, this.formats, mapping.utcOffset);
        case 'list':
          return readList(text);
        case 'enum':
          return readEnum(text, ENUM_VALUES[column.field]!, {
            ...BUILTIN_VALUES[column.field],
            ...mapping.values[column.field],
          });
      }
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      throw new InputError(
        'csv_cell_invalid',
        `column "${column.header}" (${column.field}): ${error.message}`,
        {
          line: row.line,
          field: column.field,
        },
      );
    }
  }

  /** A row wider than the header with text in the extra cells has a delimiter in an unquoted field: its cells are shifted. */
  private checkWidth(row: CsvRow): void {
    const extra = row.cells.slice(this.plan.headerCells);
    if (extra.every((c) => c.trim() === '')) return;
    throw new InputError(
      'csv_row_misaligned',
      `the row has ${row.cells.length} cells and the header ${this.plan.headerCells}: a field holding "${this.plan.mapping.delimiter}" is probably not quoted`,
      { line: row.line },
    );
  }

  /**
   * Constants for fields without a column; then what the columns imply: the pay status from the
   * pay time, the total from the lines, the platform "other". Mapped but empty cells keep the
   * standard order's defaults.
   */
  private fillUnmapped(order: Json): void {
    const lines = order.lines as Json[];
    for (const [field, value] of Object.entries(this.plan.mapping.constants)) {
      if (this.mapped.has(field as CsvField)) continue;
      if (!field.startsWith('lines.')) setPath(order, field, value);
      else for (const line of lines) line[field.slice('lines.'.length)] = value;
    }
    const given = (field: CsvField) => this.mapped.has(field) || field in this.plan.mapping.constants;
    const paid = typeof order.paidAt === 'string';
    if (!given('payStatus')) order.payStatus = paid ? 'paid' : 'unpaid';
    if (!given('status')) order.status = paid ? 'paid' : 'pending';
    if (!given('platform')) order.platform = 'other';
    const amounts = (order.amounts ?? {}) as Json;
    if (!given('amounts.total')) amounts.total = linesTotal(lines);
    if (!given('amounts.paid') && paid && typeof amounts.total === 'number') amounts.paid = amounts.total;
    order.amounts = amounts;
  }
}

function linesTotal(lines: Json[]): number {
  let fen = 0;
  for (const line of lines) {
    if (typeof line.qty === 'number' && typeof line.price === 'number')
      fen += Math.round(line.qty * line.price * 100);
  }
  return fen / 100;
}

function setPath(target: Json, path: string, value: unknown): void {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ?? {}) as Json;
  inner[tail] = value;
  target[head] = inner;
}
