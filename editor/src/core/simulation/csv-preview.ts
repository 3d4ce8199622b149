/**
 * The first rows of a CSV export as the server will read them through a mapping: enough for a
 * consultant to see, before uploading a month of orders, that 订单编号 became the order id and the
 * dates and amounts landed where they belong. Reading the whole file stays the server's job.
 */

export interface CsvSample {
  headers: string[];
  rows: string[][];
}

/** A header as the server matches it: full-width folded to half-width (NFKC), spaces trimmed and collapsed. */
export const foldHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Up to `limit` rows after the header, quotes and doubled quotes honoured. A quote opens a quoted
 * cell only at the cell's start; inside a cell it is text (`="4012…"`), as the server's reader keeps
 * it. Unless `whole`, the text is the file's head, so a last line cut short is dropped rather than
 * shown wrong.
 */
export function sampleCsv(text: string, { delimiter = ',', limit = 5, whole = false } = {}): CsvSample {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let complete = false;
  for (let i = 0; i < text.length && records.length <= limit; i++) {
    const c = text[i]!;
    complete = false;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      if (record.some((v) => v !== '')) records.push(record);
      record = [];
      cell = '';
      complete = true;
    } else cell += c;
  }
  if (whole && !complete && !quoted && (cell !== '' || record.length > 0)) {
    record.push(cell);
    records.push(record);
  }
  const [headers = [], ...rows] = records;
  return { headers: headers.map(foldHeader), rows: rows.slice(0, limit) };
}

/** How much of the file the preview reads: a few rows of any export fit. */
export const HEAD_BYTES = 64 * 1024;

export interface PreviewMapping {
  columns: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  constants?: Record<string, unknown>;
}

const EXCEL_TEXT = /^="(.*)"$/s;

/**
 * A cell's text out of the formula exports keep long numbers from Excel in (`="4012345678901234425"`),
 * as the server's reader takes it (simulate/input/cell-values.ts, `excelText`).
 */
function cellText(cell: string): string {
  const trimmed = cell.trim();
  const formula = EXCEL_TEXT.exec(trimmed);
  return formula ? formula[1]!.replaceAll('""', '"').trim() : trimmed;
}

/** Each sampled row as standard order fields: mapped columns, enum words translated, then constants. */
export function mapRows(sample: CsvSample, mapping: PreviewMapping): Record<string, string>[] {
  const columns = new Map(Object.entries(mapping.columns).map(([h, f]) => [foldHeader(h), f]));
  return sample.rows.map((row) => {
    const order: Record<string, string> = {};
    sample.headers.forEach((header, i) => {
      const field = columns.get(header);
      if (!field) return;
      const cell = cellText(row[i] ?? '');
      order[field] = mapping.values?.[field]?.[cell] ?? cell;
    });
    for (const [field, value] of Object.entries(mapping.constants ?? {})) order[field] = String(value);
    return order;
  });
}

/** Mapped headers the file lacks: the server refuses such an upload, so say it before sending. */
export function missingColumns(sample: CsvSample, mapping: PreviewMapping): string[] {
  const present = new Set(sample.headers);
  return Object.keys(mapping.columns).filter((h) => !present.has(foldHeader(h)));
}
