import { z } from 'zod';
import { describeZodIssues, InputError } from '../../engine/errors/index.ts';
import { readJsonFile } from '../../engine/loader/index.ts';
import { CSV_FIELD_NAMES, type CsvField, ENUM_VALUES } from './csv-fields.ts';
import { compileDateFormat } from './date-format.ts';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * How an old system's CSV export becomes standard orders: which column fills which field, how
 * its dates and numbers are written. One row per order line; rows of one order sit together
 * (as exports write them) and share the order id. An order-level export (one row per order, no
 * line columns) maps no `lines.*` field, and its orders have no lines.
 */
export const CsvMappingSchema = z
  .object({
    formatVersion: z.literal(1).default(1),
    /** CSV header → standard order field. Headers match after trimming and folding full-width characters. */
    columns: z
      .record(z.string().min(1), z.enum(CSV_FIELD_NAMES))
      .refine((c) => Object.values(c).includes('id'), 'a column must map to "id" (the order id)')
      .refine(
        (c) => Object.values(c).some((f) => f === 'createdAt' || f === 'paidAt'),
        'a column must map to "createdAt" or "paidAt"',
      )
      .refine((c) => new Set(Object.values(c)).size === Object.values(c).length, {
        message: 'two columns map to the same field',
      }),
    /** Tried in order; ISO times with an offset are always read too. */
    dateFormats: z
      .array(
        z.string().superRefine((pattern, ctx) => {
          const compiled = compileDateFormat(pattern);
          if (typeof compiled === 'string') ctx.addIssue({ code: 'custom', message: compiled });
        }),
      )
      .min(1)
      .default(['yyyy-MM-dd HH:mm:ss', 'yyyy/MM/dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd HH:mm']),
    /** The offset the export's local times are in: China time unless said otherwise. */
    utcOffset: z
      .string()
      .regex(/^[+-]\d{2}:\d{2}$/, 'write it as +08:00')
      .default('+08:00'),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    delimiter: z.string().length(1).default(','),
    /**
     * Chinese Excel saves GB18030 (GBK) unless told otherwise; its "Unicode text" is UTF-16LE with a
     * byte-order mark, tab-separated (`delimiter: "\t"`).
     */
    encoding: z.enum(['utf-8', 'gb18030', 'utf-16le']).default('utf-8'),
    /** Words the export uses for enum values: `{"payStatus": {"已结清": "paid"}}`. */
    values: z.partialRecord(z.enum(CSV_FIELD_NAMES), z.record(z.string(), z.string())).default({}),
    /** Fields no column has, the same for every order: `{"platform": "tmall"}`. */
    constants: z.partialRecord(z.enum(CSV_FIELD_NAMES), scalar).default({}),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    for (const message of linesProblems(mapping.columns, mapping.constants)) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message });
    }
    for (const [field, words] of Object.entries(mapping.values)) {
      const allowed = ENUM_VALUES[field as CsvField];
      if (!allowed) {
        ctx.addIssue({ code: 'custom', path: ['values', field], message: `${field} is not an enum field` });
        continue;
      }
      for (const [word, value] of Object.entries(words ?? {})) {
        if (!allowed.includes(value)) {
          ctx.addIssue({
            code: 'custom',
            path: ['values', field, word],
            message: `"${value}" is not one of ${allowed.join(', ')}`,
          });
        }
      }
    }
  });

export type CsvMapping = z.infer<typeof CsvMappingSchema>;

/**
 * Line fields need a SKU to make lines of; without any, the export is order-level and its total
 * must be mapped, as there are no lines to add it up from.
 */
function linesProblems(
  columns: Record<string, CsvField>,
  constants: Partial<Record<CsvField, unknown>>,
): string[] {
  const mapped = Object.values(columns);
  const lineFields = [...mapped, ...Object.keys(constants)].filter((f) => f.startsWith('lines.'));
  if (lineFields.length > 0) {
    return mapped.includes('lines.sku')
      ? []
      : [
          `a column must map to "lines.sku" when line fields are mapped (${lineFields.join(', ')}); an order-level export maps none`,
        ];
  }
  return mapped.includes('amounts.total') || 'amounts.total' in constants
    ? []
    : ['an order-level export (no line columns) must map "amounts.total": it has no lines to add up'];
}

export function parseCsvMapping(document: unknown, source: string): CsvMapping {
  const parsed = CsvMappingSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issues = describeZodIssues(parsed.error);
  throw new InputError(
    'mapping_invalid',
    `${source} is not a valid CSV mapping: ${issues.map((i) => `${i.field || '(mapping)'}: ${i.message}`).join('; ')}`,
    { field: issues[0]?.field ?? source },
  );
}

export function loadCsvMapping(file: string): CsvMapping {
  return parseCsvMapping(readJsonFile(file), file);
}

/** A header cell as it is matched: full-width folded to half-width (NFKC), spaces trimmed and collapsed. */
export function headerKey(cell: string): string {
  return cell.normalize('NFKC').replace(/\s+/g, ' ').trim();
}
