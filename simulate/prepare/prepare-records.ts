import type { StandardOrder } from '../../engine/order/schema.ts';
import type { HistoryRunWriter } from '../history/history-runs.ts';
import { CsvOrderReader } from '../input/csv-order.ts';
import { decisionTime } from '../order-time.ts';
import type { RunWriter } from '../sort/run-writer.ts';
import type { PrepareBatch, PrepareSetup, SkippedRow } from '../threads/messages.ts';
import { batchLines } from './batch-lines.ts';
import { ndjsonOrder, skippedRow } from './read-record.ts';

/**
 * The stateless part of a simulation, run in parallel: each record of a batch becomes a standard
 * order (parsed, adapted, normalised) and goes to the run writer under its decision time, its id
 * and buyer to the history's runs, or becomes a skipped row with its line and the reason.
 */
export class RecordPreparer {
  private readonly csv: CsvOrderReader | undefined;

  constructor(
    private readonly setup: PrepareSetup,
    private readonly writer: RunWriter,
    private readonly history: HistoryRunWriter,
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
        const time = decisionTime(order);
        this.writer.add(time, line, JSON.stringify(order));
        this.history.add(order, time, line);
      } catch (error) {
        skipped.push(skippedRow(error, line));
      }
    };
    const platform = this.setup.format === 'ndjson' ? this.setup.platform : undefined;
    if (batch.kind === 'csv') {
      for (const group of batch.groups) take(group.line, () => this.csv!.read(group));
    } else {
      const lines = batchLines(batch.bytes);
      lines.forEach((text, i) => {
        if (text.trim() !== '')
          take(batch.firstLine + i, () => ndjsonOrder(text, batch.firstLine + i, platform));
      });
    }
    return { orders, skipped };
  }
}
