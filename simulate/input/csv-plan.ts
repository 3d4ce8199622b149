import { InputError } from '../../engine/errors/index.ts';
import type { CsvField } from './csv-fields.ts';
import { type CsvMapping, headerKey } from './csv-mapping.ts';

export interface CsvColumn {
  index: number;
  /** The header as the file writes it, for messages. */
  header: string;
  field: CsvField;
}

/** A mapping resolved against one file's header: which cell index fills which field. Plain data, sent to workers. */
export interface CsvPlan {
  headerCells: number;
  idIndex: number;
  columns: CsvColumn[];
  mapping: CsvMapping;
}

/** Resolves the mapping's headers in the file's header row; a mapped header the file lacks is an error. */
export function planCsv(header: readonly string[], mapping: CsvMapping, source: string): CsvPlan {
  const positions = new Map<string, number[]>();
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    positions.set(key, [...(positions.get(key) ?? []), index]);
  });
  const columns = Object.entries(mapping.columns).map(([mapped, field]): CsvColumn => {
    const found = positions.get(headerKey(mapped)) ?? [];
    if (found.length === 0) {
      const known = header.map((h) => `"${headerKey(h)}"`).join(', ');
      throw new InputError(
        'csv_column_missing',
        `${source}: the mapping's column "${mapped}" is not in the header row (it has ${known})${encodingHint(header, mapping.encoding)}`,
        { field: `columns.${mapped}`, line: 1 },
      );
    }
    if (found.length > 1) {
      throw new InputError(
        'csv_column_ambiguous',
        `${source}: the header row has "${headerKey(mapped)}" ${found.length} times (columns ${found.map((i) => i + 1).join(', ')})`,
        { field: `columns.${mapped}`, line: 1 },
      );
    }
    return { index: found[0]!, header: header[found[0]!]!.trim(), field };
  });
  const idIndex = columns.find((c) => c.field === 'id')!.index;
  return { headerCells: header.length, idIndex, columns, mapping };
}

/**
 * Why a header may not read as the mapping's words: the export is in another encoding than the
 * mapping says, the commonest reason a mapping that fits the export finds none of its columns.
 */
function encodingHint(header: readonly string[], encoding: CsvMapping['encoding']): string {
  if (header.some((cell) => cell.includes('\u0000'))) {
    return `. The header holds NUL characters: the file looks like UTF-16 (Excel's "Unicode text"); say "encoding": "utf-16le" (and "delimiter": "\\t") in the mapping`;
  }
  if (header.some((cell) => cell.includes('\uFFFD'))) {
    const likely =
      encoding === 'utf-8' ? ' Chinese Excel writes GB18030: say "encoding": "gb18030" in the mapping' : '';
    return `. The header is not valid ${encoding} text.${likely}`;
  }
  return '';
}
