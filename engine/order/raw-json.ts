/**
 * JSON text of a raw order, read without losing digits: Taobao's TOP API sends `tid` and `oid` as
 * JSON numbers of 19 digits, which `JSON.parse` rounds to the nearest double. An integer beyond
 * 2^53 becomes the string of its digits (the standard order keeps ids as strings); every other
 * value, error and oddity (duplicate keys, `__proto__`) is what `JSON.parse` gives, because
 * `JSON.parse` still does the parsing: the long integers are only put in quotes first.
 */
export function parseOrderJson(text: string): unknown {
  const quoted = quoteEveryCandidate(text);
  if (quoted === text) return JSON.parse(text);
  try {
    return JSON.parse(quoted);
  } catch {
    // A candidate inside a string was quoted too, or the text is not JSON: the exact path tells which.
  }
  try {
    return JSON.parse(quoteUnsafeIntegers(text));
  } catch (error) {
    // Quoting keeps text that is not JSON not JSON: the error is told in the original's positions.
    JSON.parse(text);
    throw error;
  }
}

/**
 * Every integer token of 16+ digits in a value position whose value passes 2^53 put in quotes, in
 * strings too; the text itself when there is none, as for most orders. Whenever the result is JSON
 * it equals what `quoteUnsafeIntegers` gives, so the string tracking (~4 µs for a TOP trade) is only
 * needed when it is not: a quote put inside a string ends that string (the character before it is a
 * separator or a space, never an escaping backslash), and the digits that then follow a string are
 * never JSON. The text of every TOP trade whose memo holds no `: 1234567890123456789,` is JSON here.
 */
function quoteEveryCandidate(text: string): string {
  let out = '';
  let copied = 0;
  SIXTEEN_DIGITS.lastIndex = 0;
  while (SIXTEEN_DIGITS.test(text)) {
    const run = SIXTEEN_DIGITS.lastIndex - 16;
    const start = valueStart(text, run);
    if (start < 0) continue;
    let end = SIXTEEN_DIGITS.lastIndex;
    while (isDigit(text.charCodeAt(end))) end++;
    SIXTEEN_DIGITS.lastIndex = end;
    if (text.charCodeAt(run) === ZERO || !endsValue(text, end)) continue;
    const digits = text.slice(start, end);
    if (Number.isSafeInteger(Number(digits))) continue;
    out += `${text.slice(copied, start)}"${digits}"`;
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Whether the text has a number of 16 digits or more (only those can pass 2^53, which has 16) where
 * a value starts: after `:`, `[` or `,` (and JSON whitespace, and a minus). Most orders have none
 * and never leave the native parser.
 */
export function mayHoldUnsafeInteger(text: string): boolean {
  SIXTEEN_DIGITS.lastIndex = 0;
  while (SIXTEEN_DIGITS.test(text)) {
    if (valueStart(text, SIXTEEN_DIGITS.lastIndex - 16) >= 0) return true;
  }
  return false;
}

/**
 * Sixteen `\d` written out, alone, with the separator before them checked backwards by hand: V8's
 * regex engine skips ahead through text that has no such run, where a pattern that starts with the
 * separator and its spaces tries every character (0.67 → 0.47 µs over a demo-mix order, whose
 * quoted 19-digit ids are the few runs it stops at). The first match in a run is the run's start.
 */
const SIXTEEN_DIGITS = new RegExp('\\d'.repeat(16), 'g');

/**
 * Where the number whose digits start at `digits` starts (at its minus, if any) when it stands in a
 * value position — after `:`, `,` or `[` and JSON whitespace — else -1.
 */
function valueStart(text: string, digits: number): number {
  const start = text.charCodeAt(digits - 1) === MINUS ? digits - 1 : digits;
  let before = start - 1;
  while (isSpace(text.charCodeAt(before))) before--;
  const c = text.charCodeAt(before);
  return c === 0x3a || c === 0x2c || c === 0x5b ? start : -1; // `:`, `,`, `[`
}

/** Whether a value may end at `end`: JSON whitespace, then `,`, `]` or `}`. */
function endsValue(text: string, end: number): boolean {
  const next = text.charCodeAt(skipSpace(text, end, text.length));
  return next === 0x2c || next === 0x5d || next === 0x7d;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;

/**
 * The text with every integer past 2^53 outside a string put in quotes: an integer token of 16+
 * digits in a value position — after `:`, `,` or `[` (and JSON whitespace) and before `,`, `]` or
 * `}` (after whitespace). A leading zero, a fraction or an exponent is left to JSON.parse, so quoting
 * never turns text that is not JSON into JSON: the quoted token was a valid value where it stands,
 * and a string is valid in exactly the same places.
 *
 * One pass that tracks strings as it goes (a quote outside a string opens one; inside, the next
 * quote not escaped by an odd run of backslashes closes it) and looks for candidates only outside
 * them. It replaced a regex for the candidates plus an `indexOf` per quote before each of them
 * (4.3–6.5 → 3.6–3.8 µs a TOP trade); `raw-json.test.ts` holds the two equal on any text. Only text
 * that `parseOrderJson`'s quicker guess cannot read comes here.
 */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copied = 0;
  const end = text.length;
  let i = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i + 1, end);
      continue;
    }
    i++;
    if (c !== 0x3a && c !== 0x2c && c !== 0x5b) continue; // `:`, `,`, `[`
    let at = skipSpace(text, i, end);
    const start = at;
    if (text.charCodeAt(at) === MINUS) at++;
    const first = text.charCodeAt(at);
    if (first < 0x31 || first > 0x39) continue; // [1-9]
    let digitsEnd = at + 1;
    while (isDigit(text.charCodeAt(digitsEnd))) digitsEnd++;
    if (digitsEnd - at < 16) {
      i = digitsEnd;
      continue;
    }
    const next = text.charCodeAt(skipSpace(text, digitsEnd, end));
    i = digitsEnd;
    if (next !== 0x2c && next !== 0x5d && next !== 0x7d) continue; // `,`, `]`, `}`
    const digits = text.slice(start, digitsEnd);
    if (Number.isSafeInteger(Number(digits))) continue;
    out += `${text.slice(copied, start)}"${digits}"`;
    copied = digitsEnd;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The index after the quote that closes the string whose first character is at `from` (or the end):
 * the next quote not escaped by an odd run of backslashes. `indexOf` jumps over the (often long,
 * CJK) text between quotes far faster than a loop over its characters.
 */
function stringEnd(text: string, from: number, end: number): number {
  for (let q = text.indexOf('"', from); q !== -1; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
  }
  return end;
}

/** JSON whitespace: space, tab, newline, carriage return. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function skipSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
