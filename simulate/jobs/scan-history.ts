import type { AdapterPlatform } from '../../engine/order/adapters/index.ts';
import type { StandardOrder } from '../../engine/order/schema.ts';
import { CsvOrderReader } from '../input/csv-order.ts';
import { openSource } from '../open-source.ts';
import { ndjsonOrder, skippedRow } from '../prepare/read-record.ts';
import { SkippedList } from '../report/skipped-list.ts';
import type { SkippedRow } from '../threads/messages.ts';

export interface ScanResult {
  /** Orders found, readable or not: the same count a simulation of the file reports as `orders`. */
  rows: number;
  skipped: SkippedRow[];
  skippedTotal: number;
}

export interface ScanOptions {
  orders: string;
  mapping?: string;
  platform?: AdapterPlatform;
  /** Only the first orders, as a simulation with `limit` reads them. */
  limit?: number;
  onProgress?: (share: number, rows: number) => void;
  /** Each order read, with its line: a job keeps its changed orders this way. */
  onOrder?: (order: StandardOrder, line: number) => void;
}

/**
 * Reads a history as a simulation's first pass does (the same readers, adapters and normalisation)
 * without sorting or deciding: how many orders it holds and which rows cannot be read, and why.
 * A CSV whose header lacks a mapped column fails here, as the simulation would before any row.
 */
export async function scanHistory(options: ScanOptions): Promise<ScanResult> {
  const { source, setup } = await openSource(options);
  const csv = setup.format === 'csv' ? new CsvOrderReader(setup.plan) : undefined;
  const platform = setup.format === 'ndjson' ? setup.platform : undefined;
  const skipped = new SkippedList();
  const decoder = new TextDecoder();
  let rows = 0;
  const take = (line: number, read: () => StandardOrder) => {
    rows++;
    try {
      const order = read();
      options.onOrder?.(order, line);
    } catch (error) {
      skipped.add([skippedRow(error, line)]);
    }
  };
  try {
    for await (const item of source.items()) {
      if (item.kind === 'bad') {
        rows++;
        skipped.add([item.row]);
      } else if (item.batch.kind === 'csv') {
        for (const group of item.batch.groups) take(group.line, () => csv!.read(group));
      } else {
        const { firstLine } = item.batch;
        decoder
          .decode(item.batch.bytes)
          .split('\n')
          .forEach((text, i) => {
            if (text.trim() !== '')
              take(firstLine + i, () => ndjsonOrder(text, firstLine + i, platform, 'platform'));
          });
      }
      options.onProgress?.(source.totalBytes > 0 ? source.bytesRead / source.totalBytes : 1, rows);
    }
  } finally {
    source.close();
  }
  return { rows, skipped: skipped.list(), skippedTotal: skipped.total };
}
