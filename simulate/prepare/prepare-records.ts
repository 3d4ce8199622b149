import { InputError } from '../../engine/errors/index.ts';
import { adaptOrder, detectPlatform } from '../../engine/order/adapters/index.ts';
import { parseOrderJson } from '../../engine/order/raw-json.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { CsvOrderReader } from '../input/csv-order.ts';
import { decisionTime } from '../order-time.ts';
import type { RunWriter } from '../sort/run-writer.ts';
import type { PrepareBatch, PrepareSetup, SkippedRow } from '../threads/messages.ts';

/**
 * The stateless part of a simulation, run in parallel: each record of a batch becomes a standard
 * order (parsed, adapted, normalised) and goes to the run writer under its decision time, or
 * becomes a skipped row with its line and the reason.
 */
export class RecordPreparer {
  private readonly decoder = new TextDecoder();
  private readonly csv: CsvOrderReader | undefined;

  constructor(
    private readonly setup: PrepareSetup,
    private readonly writer: RunWriter,
  ) {
    this.csv = setup.format === 'csv' ? new CsvOrderReader(setup.plan) : undefined;
  }

  prepare(batch: PrepareBatch): { orders: number; skipped: SkippedRow[] } {
    const skipped: SkippedRow[] = [];
    let orders = 0;
    const take = (line: number, read: () => StandardOrder) => {
      orders++;
      try {
        const order = read();
        this.writer.add(decisionTime(order), line, JSON.stringify(order));
      } catch (error) {
        skipped.push(skippedRow(error, line));
      }
    };
    if (batch.kind === 'csv') {
      for (const group of batch.groups) take(group.line, () => this.csv!.read(group));
    } else {
      const lines = this.decoder.decode(batch.bytes).split('\n');
      lines.forEach((text, i) => {
        if (text.trim() !== '') take(batch.firstLine + i, () => this.ndjsonOrder(text, batch.firstLine + i));
      });
    }
    return { orders, skipped };
  }

  private ndjsonOrder(text: string, line: number): StandardOrder {
    let raw: unknown;
    try {
      raw = parseOrderJson(text);
    } catch (error) {
      throw new InputError('not_json', `not JSON: ${(error as Error).message}`, { line });
    }
    const platform =
      (this.setup.format === 'ndjson' ? this.setup.platform : undefined) ?? detectPlatform(raw);
    if (!platform) {
      throw new InputError(
        'platform_unknown',
        'not a Tmall, JD, Douyin or standard order (none of their keys); say which with --platform',
        { line },
      );
    }
    return adaptOrder(platform, raw, { line });
  }
}

/** Any failure becomes a reported row: bad input must never stop a replay of a whole history. */
function skippedRow(error: unknown, line: number): SkippedRow {
  if (error instanceof InputError) {
    const { line: at, orderId } = error.location;
    return { line: at ?? line, reason: error.message, ...(orderId ? { orderId } : {}) };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { line, reason: `could not be read (${message})` };
}
