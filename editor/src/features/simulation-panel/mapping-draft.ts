import { foldHeader, type PreviewMapping } from '../../core/simulation/csv-preview.ts';

/** A CSV mapping document as the editor edits it: columns and encoding here, the rest kept as loaded. */
export type MappingDraft = PreviewMapping & { encoding?: string; delimiter?: string } & Record<
    string,
    unknown
  >;

export const EMPTY_MAPPING: MappingDraft = { formatVersion: 1, columns: {}, encoding: 'utf-8' };

/** The field a header fills, whichever spelling of the header the mapping keeps. */
export const fieldOf = (draft: MappingDraft, header: string) =>
  Object.entries(draft.columns).find(([h]) => foldHeader(h) === header)?.[1] ?? '';

/** The header now fills `field` ('' for none); a field belongs to one column, so another giving it up. */
export function withColumn(draft: MappingDraft, header: string, field: string): MappingDraft {
  const columns = Object.fromEntries(
    Object.entries(draft.columns).filter(
      ([h, f]) => foldHeader(h) !== header && (field === '' || f !== field),
    ),
  );
  if (field) columns[header] = field;
  return { ...draft, columns };
}
