import { statSync } from 'node:fs';
import { InputError } from '../engine/errors/index.ts';
import type { AdapterPlatform } from '../engine/order/adapters/index.ts';
import { loadCsvMapping } from './input/csv-mapping.ts';
import { CsvSource } from './input/csv-source.ts';
import { NdjsonSource } from './input/ndjson-source.ts';
import type { OrderSource } from './input/order-source.ts';
import type { PrepareSetup } from './threads/messages.ts';

export interface SourceOptions {
  orders: string;
  platform?: AdapterPlatform;
  mapping?: string;
  limit?: number;
}

/** The input as a source, and what the prepare workers need to read its batches. A CSV needs a mapping. */
export async function openSource(
  options: SourceOptions,
): Promise<{ source: OrderSource; setup: PrepareSetup; format: 'ndjson' | 'csv' }> {
  const { orders: file, limit } = options;
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new InputError('file_unreadable', `cannot read ${file}: no such file`, { field: file });
  }
  if (!isFile)
    throw new InputError('file_unreadable', `cannot read ${file}: it is a folder`, { field: file });
  if (options.mapping) {
    if (options.platform) {
      throw new InputError(
        'platform_with_mapping',
        "--platform is for NDJSON orders; a CSV's platform comes from its mapping (a column, or constants.platform)",
        { field: '--platform' },
      );
    }
    const source = await CsvSource.open(file, loadCsvMapping(options.mapping), limit);
    return { source, setup: { format: 'csv', plan: source.plan }, format: 'csv' };
  }
  if (/\.(csv|tsv)(\.gz)?$/i.test(file)) {
    throw new InputError(
      'csv_needs_mapping',
      `${file} looks like a CSV export: say how to read it with --map mapping.json`,
      {
        field: '--map',
      },
    );
  }
  return {
    source: new NdjsonSource(file, limit),
    setup: { format: 'ndjson', platform: options.platform },
    format: 'ndjson',
  };
}
