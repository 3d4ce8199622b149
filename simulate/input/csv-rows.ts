import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { type CsvError, type InfoRecord, type Options, parse } from 'csv-parse';
import type { SkippedRow } from '../threads/messages.ts';
import type { CsvMapping } from './csv-mapping.ts';
import type { CsvRow } from './csv-order.ts';
import { isGzipFile, notWholeGzip } from './file-bytes.ts';

interface ParsedRecord {
  cells: string[];
  /** The line the record ends on. */
  endLine: number;
}

/**
 * The rows of a CSV file, streamed through csv-parse, each with the line it starts on (a quoted
 * field may hold newlines, so rows and lines differ). Rows csv-parse cannot read are kept aside
 * with the line they start on; quotes out of place are read as text rather than refused. A gzip
 * file is read gunzipped; `bytesRead` counts the file's own bytes either way.
 */
export class CsvRows {
  bytesRead = 0;
  private readonly unreadable: SkippedRow[] = [];
  private lastEndLine = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines: line numbers are corrected by these.
  private crlfInFields = 0;
  private readonly records: AsyncIterator<ParsedRecord>;
  private readonly input;
  private readonly gzip: boolean;

  constructor(
    private readonly file: string,
    mapping: CsvMapping,
  ) {
    this.input = createReadStream(file);
    this.gzip = isGzipFile(file);
    const options: Options<ParsedRecord, string[]> = {
      bom: true,
      delimiter: mapping.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_records_with_error: true,
      skip_empty_lines: true,
      on_record: (cells: string[], context: InfoRecord): ParsedRecord => {
        this.crlfInFields += count(cells, '\r\n');
        this.lastEndLine = context.lines - this.crlfInFields;
        return { cells, endLine: this.lastEndLine };
      },
    };
    // csv-parse types on_record's result only for `columns` mode; the records are ParsedRecords.
    const parser = parse(options as unknown as Options);
    parser.on('skip', (error: CsvError) => this.unreadable.push(unreadableRow(error, this.lastEndLine + 1)));
    // Errors reach the reader through the parser's iterator; stopping early (--limit) is not one.
    const decoder = this.decoder(mapping.encoding);
    const piped = this.gzip
      ? pipeline(this.input, this.counter(), createGunzip(), decoder, parser)
      : pipeline(this.input, this.counter(), decoder, parser);
    piped.catch(() => undefined);
    this.records = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
  }

  /** The next row, or undefined at the end of the file. */
  async next(): Promise<CsvRow | undefined> {
    const next = await this.records.next().catch((error: unknown) => {
      throw this.gzip ? notWholeGzip(this.file, error) : error;
    });
    if (next.done) return undefined;
    const { cells, endLine } = next.value;
    return { line: endLine - count(cells, '\n'), cells };
  }

  /** Unreadable rows starting before `line` (all of them by default), each reported once. */
  takeUnreadable(line = Number.POSITIVE_INFINITY): SkippedRow[] {
    const count = this.unreadable.findIndex((row) => row.line >= line);
    return this.unreadable.splice(0, count < 0 ? this.unreadable.length : count);
  }

  /** Stops reading (after --limit). */
  close(): void {
    this.input.destroy();
  }

  /** Counts the file's bytes as they pass, before any gunzipping. */
  private counter(): Transform {
    const count = (bytes: number) => {
      this.bytesRead += bytes;
    };
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        count(chunk.length);
        callback(null, chunk);
      },
    });
  }

  private decoder(encoding: string): Transform {
    const decoder = new TextDecoder(encoding);
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        callback(null, decoder.decode(chunk, { stream: true }));
      },
      flush(callback) {
        callback(null, decoder.decode());
      },
    });
  }
}

function count(cells: readonly string[], text: string): number {
  let n = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf(text); at >= 0; at = cell.indexOf(text, at + text.length)) n++;
  }
  return n;
}

/** `line` is where the unreadable record starts: the line after the last record read. */
function unreadableRow(error: CsvError, line: number): SkippedRow {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return {
      line,
      reason:
        'a quoted field opened on this row is never closed: the rows after it, to the end of the file, could not be read',
    };
  }
  return { line, reason: `the row is not valid CSV: ${error.message.replace(/ at line \d+/, '')}` };
}
