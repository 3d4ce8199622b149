/**
 * JSON text of a raw order, read without losing digits: Taobao's TOP API sends `tid` and `oid` as
 * JSON numbers of 19 digits, which `JSON.parse` rounds to the nearest double. An integer beyond
 * 2^53 becomes the string of its digits (the standard order keeps ids as strings); every other
 * value, error and oddity (duplicate keys, `__proto__`) is what `JSON.parse` gives, because
 * `JSON.parse` still does the parsing: the long integers are only put in quotes first.
 */
export function parseOrderJson(text: string): unknown {
  if (!mayHoldUnsafeInteger(text)) return JSON.parse(text);
  try {
    return JSON.parse(quoteUnsafeIntegers(text));
  } catch (error) {
    // Quoting keeps text that is not JSON not JSON: the error is told in the original's positions.
    JSON.parse(text);
    throw error;
  }
}

/**
 * Whether the text has a number of 16 digits or more (only those can pass 2^53, which has 16) where
 * a value starts: after `:`, `[` or `,`. Most orders have none and never leave the native parser.
 */
export function mayHoldUnsafeInteger(text: string): boolean {
  return LONG_NUMBER.test(text);
}

// Sixteen `\d` written out: V8 scans for them in half the time it takes over `\d{16}`.
const LONG_NUMBER = new RegExp(`[:,[][ \\t\\n\\r]*-?${'\\d'.repeat(16)}`);

/**
 * An integer token of 16+ digits in a value position: after `:`, `[` or `,` and before `,`, `]` or
 * `}`. A leading zero, a fraction or an exponent is left to JSON.parse, so quoting never turns text
 * that is not JSON into JSON: the quoted token was a valid value where it stands, and a string is
 * valid in exactly the same places.
 */
const CANDIDATE = /([:,[][ \t\n\r]*)(-?[1-9]\d{15,})(?=[ \t\n\r]*[,\]}])/g;
const BACKSLASH = 0x5c;

/** The text with every integer past 2^53 outside a string put in quotes. */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copied = 0;
  // Where strings are, from the quotes before each candidate: a quote outside a string opens one,
  // and inside one it closes it unless an odd run of backslashes escapes it.
  let scanned = 0;
  let inString = false;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
    for (let q = text.indexOf('"', scanned); q !== -1 && q < match.index; q = text.indexOf('"', q + 1)) {
      inString = inString ? escaped(text, q) : true;
    }
    scanned = match.index;
    const digits = match[2]!;
    if (inString || Number.isSafeInteger(Number(digits))) continue;
    const at = match.index + match[1]!.length;
    out += `${text.slice(copied, at)}"${digits}"`;
    copied = at + digits.length;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function escaped(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}
