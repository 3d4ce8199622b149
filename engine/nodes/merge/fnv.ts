/**
 * FNV-1a, 64 bits, of a text's UTF-8 bytes (TextEncoder's: a lone surrogate is U+FFFD), the hash
 * merge keys are made of. The 64-bit state is two int32 halves: the FNV prime is 2^40 + 0x1b3, so
 * (h·2^32 + l) × prime mod 2^64 has the low half l×0x1b3 mod 2^32 (`Math.imul`) and the high half
 * h×0x1b3 + l<<8 + the bits of l×0x1b3 above 2^32 (`carry`), mod 2^32. Integer arithmetic only:
 * the form with a double product was twice as slow (measured).
 */
const OFFSET_HI = 0xcbf29ce4 | 0;
const OFFSET_LO = 0x84222325 | 0;
const PRIME_LOW = 0x1b3;

/** ⌊x × 0x1b3 / 2^32⌋ for x read as unsigned 32 bits, from its 16-bit halves. */
function carry(x: number): number {
  return ((x >>> 16) * PRIME_LOW + (((x & 0xffff) * PRIME_LOW) >>> 16)) >>> 16;
}

const encoder = new TextEncoder();
/** Where a text is encoded: reused, so hashing allocates no bytes. Grown for a longer text. */
let scratch = new Uint8Array(1024);

/** The text's UTF-8 bytes in `scratch`, and how many. */
function encode(text: string): number {
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  if (scratch.length < 3 * text.length) scratch = new Uint8Array(3 * text.length);
  return encoder.encodeInto(text, scratch).written;
}

/** The hash of the text, as 16 hex digits. */
export function fnv1a64(text: string): string {
  const length = encode(text);
  const bytes = scratch;
  let h = OFFSET_HI;
  let l = OFFSET_LO;
  for (let i = 0; i < length; i++) {
    const x = l ^ bytes[i]!;
    l = Math.imul(x, PRIME_LOW);
    h = (Math.imul(h, PRIME_LOW) + carry(x) + (x << 8)) | 0;
  }
  return hex64(h, l);
}

/** Bytes `fnv1a64OfPlainJson` looks at twice: always (1), or when white space is refused (2). */
const ALWAYS = 1;
const IF_SPACE = 2;
const RARE = new Uint8Array(256);
for (let byte = 0; byte < 0x20; byte++) RARE[byte] = ALWAYS;
RARE[0x22] = ALWAYS; // "
RARE[0x5c] = ALWAYS; // \
for (let byte = 0xef; byte <= 0xff; byte++) RARE[byte] = ALWAYS; // U+F000 on, and 4-byte sequences
RARE[0x20] = IF_SPACE; // space
RARE[0xc2] = IF_SPACE; // U+00A0
for (let byte = 0xe1; byte <= 0xe3; byte++) RARE[byte] = IF_SPACE; // U+1680, U+2000–U+205F, U+3000

/**
 * `fnv1a64(text)` for a JSON text joined by hand, when it is the text `JSON.stringify` writes: it
 * holds exactly `quotes` quote marks (the joiner's own, so no value has one) and no byte a JSON
 * string would escape (a backslash, a control character) or that may stand for a surrogate (a
 * 4-byte sequence, or U+FFFD, which is also what a lone surrogate becomes). With `noSpace`, also no
 * white space (what `/\s/` matches), so a caller can skip trimming and dropping it. Undefined when
 * it is not, and the caller joins or writes the text another way. Checked while hashing: one pass.
 */
export function fnv1a64OfPlainJson(text: string, quotes: number, noSpace: boolean): string | undefined {
  const length = encode(text);
  const bytes = scratch;
  const look = noSpace ? ALWAYS | IF_SPACE : ALWAYS;
  let left = quotes;
  let h = OFFSET_HI;
  let l = OFFSET_LO;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    if ((RARE[byte]! & look) !== 0) {
      if (byte === 0x22) left--;
      else if (byte < 0x21 || byte === 0x5c || byte >= 0xf0) return undefined;
      else if (refused(bytes, i, noSpace)) return undefined;
    }
    const x = l ^ byte;
    l = Math.imul(x, PRIME_LOW);
    h = (Math.imul(h, PRIME_LOW) + carry(x) + (x << 8)) | 0;
  }
  return left === 0 ? hex64(h, l) : undefined;
}

/**
 * Whether the multi-byte character at `i` (lead C2, E1–E3 or EF) is U+FFFD, or, with `noSpace`,
 * white space: U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
 */
function refused(bytes: Uint8Array, i: number, noSpace: boolean): boolean {
  const lead = bytes[i]!;
  const second = bytes[i + 1]!;
  const third = bytes[i + 2]!;
  if (lead === 0xef)
    return (second === 0xbf && third === 0xbd) || (noSpace && second === 0xbb && third === 0xbf);
  if (lead === 0xc2) return second === 0xa0;
  if (lead === 0xe1) return second === 0x9a && third === 0x80;
  if (lead === 0xe3) return second === 0x80 && third === 0x80;
  // 0xe2
  if (second === 0x81) return third === 0x9f;
  return second === 0x80 && (third <= 0x8a || third === 0xa8 || third === 0xa9 || third === 0xaf);
}

/** The character codes of the 16 lowercase hex digits. */
const DIGIT = Array.from({ length: 16 }, (_, n) => n.toString(16).charCodeAt(0));

/**
 * hi·2^32 + lo (each half read as unsigned) as 16 lowercase hex digits, written as one flat string:
 * `toString(16)` of a half above 2^30 takes a slow path that cost half as much as hashing the whole
 * key, and a string joined from pieces is flattened again by the Map the key is looked up in
 * (both measured).
 */
function hex64(hi: number, lo: number): string {
  return String.fromCharCode(
    DIGIT[hi >>> 28]!,
    DIGIT[(hi >>> 24) & 15]!,
    DIGIT[(hi >>> 20) & 15]!,
    DIGIT[(hi >>> 16) & 15]!,
    DIGIT[(hi >>> 12) & 15]!,
    DIGIT[(hi >>> 8) & 15]!,
    DIGIT[(hi >>> 4) & 15]!,
    DIGIT[hi & 15]!,
    DIGIT[lo >>> 28]!,
    DIGIT[(lo >>> 24) & 15]!,
    DIGIT[(lo >>> 20) & 15]!,
    DIGIT[(lo >>> 16) & 15]!,
    DIGIT[(lo >>> 12) & 15]!,
    DIGIT[(lo >>> 8) & 15]!,
    DIGIT[(lo >>> 4) & 15]!,
    DIGIT[lo & 15]!,
  );
}
