import { type DateFormat, readDate } from './date-format.ts';

/**
 * Readers for CSV cells. Each returns the value, or throws a CellError saying, in a line a
 * consultant can act on, why the text is not one.
 */
export class CellError extends Error {}

const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
// Currency marks and spaces exports put around amounts: "¥1,299.00", "12.50 元", " 8 ".
const MONEY_NOISE = /[¥￥$元\s\u00a0\u3000]/g;
// Whole parts with thousands grouped, for each decimal mark.
const GROUPED = { '.': /^-?\d{1,3}(?:,\d{3})+$/, ',': /^-?\d{1,3}(?:\.\d{3})+$/ } as const;
const TRUE = new Set(['true', '1', 'yes', 'y', '是', '√', '✓', '有']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '×', '无']);

const EXCEL_TEXT = /^="(.*)"$/s;

/**
 * The cell's text, out of the formula Taobao's and other platforms' exports wrap long numbers in so
 * Excel keeps them as text (`="4012345678901234425"`, quotes inside doubled); any other cell as it is.
 */
export function excelText(cell: string): string {
  const formula = EXCEL_TEXT.exec(cell.trim());
  return formula ? formula[1]!.replaceAll('""', '"') : cell;
}

// What Excel writes for a long number in a cell it reads as a number: 4.01235E+18.
const EXCEL_NUMBER = /^\d(?:\.\d+)?E\+\d+$/i;

/**
 * An order id. One in Excel's exponent form lost its digits when the export was saved from Excel,
 * and every order it was read into would share it: refused, saying so, rather than read.
 */
export function readOrderId(text: string): string {
  const id = text.trim();
  if (EXCEL_NUMBER.test(id)) {
    throw new CellError(
      `"${id}" is an order id Excel turned into a number, its digits lost: export again and do not save it from Excel (or set the column to text before opening it)`,
    );
  }
  return id;
}

/**
 * A number written with `decimalSeparator` as its decimal mark; the other of "." and "," may group
 * thousands, in threes ("1,299.50" with ".", "1.299,50" with ","), and spaces are ignored. A
 * grouping mark out of place ("12,5" with ".") is refused rather than read as 125.
 */
export function readNumber(text: string, decimalSeparator: '.' | ','): number {
  const bare = text.replace(MONEY_NOISE, '');
  const group = decimalSeparator === '.' ? ',' : '.';
  const [whole = '', fraction, ...more] = bare.split(decimalSeparator);
  const wholeOk = /^-?\d+$/.test(whole) || GROUPED[decimalSeparator].test(whole);
  if (!wholeOk || more.length > 0 || (fraction !== undefined && !/^\d+$/.test(fraction))) {
    const hint =
      decimalSeparator === '.' && /^-?\d+,\d{1,2}$/.test(bare)
        ? ' (a decimal comma? set "decimalSeparator": ",")'
        : '';
    throw new CellError(`"${text}" is not a number${hint}`);
  }
  return Number(`${whole.split(group).join('')}${fraction === undefined ? '' : `.${fraction}`}`);
}

export function readMoney(text: string, decimalSeparator: '.' | ','): number {
  return Math.round(readNumber(text, decimalSeparator) * 100) / 100;
}

export function readInteger(text: string, decimalSeparator: '.' | ','): number {
  const n = readNumber(text, decimalSeparator);
  if (!Number.isSafeInteger(n)) throw new CellError(`"${text}" is not a whole number`);
  return n;
}

export function readBoolean(text: string): boolean {
  const key = text.trim().toLowerCase();
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  throw new CellError(`"${text}" is not yes or no (是/否, true/false, 1/0)`);
}

export function readTime(text: string, formats: readonly DateFormat[], offset: string): string {
  const trimmed = text.trim();
  if (ZONED_ISO.test(trimmed) && Number.isFinite(Date.parse(trimmed))) return trimmed;
  const time = readDate(trimmed, formats, offset);
  if (time === null) throw new CellError(`"${text}" is not a time in any of the mapping's dateFormats`);
  return time;
}

/** Labels and coupon codes in one cell, split on commas, semicolons or bars (half or full width). */
export function readList(text: string): string[] {
  return text
    .split(/[,，;；|、]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** An enum value through the mapping's words, then the built-in Chinese words, then the value itself. */
export function readEnum(
  text: string,
  allowed: readonly string[],
  words: Readonly<Record<string, string>>,
): string {
  const key = text.trim();
  const value = words[key] ?? allowed.find((a) => a.toLowerCase() === key.toLowerCase());
  if (value !== undefined && allowed.includes(value)) return value;
  throw new CellError(`"${text}" is not one of ${allowed.join(', ')} (add it to the mapping's "values")`);
}
