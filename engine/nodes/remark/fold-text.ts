/** Remarks are searched in at most this many characters, so a pasted essay costs what a note does. */
export const MAX_REMARK_LENGTH = 2000;

/**
 * The text as rules see it: NFKC turns full-width forms into plain ones (｛Ｗ：ＳＦ｝ → {W:SF},
 * ＳＦ → SF, the ideographic space → a space) and keeps emoji and CJK as they are.
 */
export function normaliseRemark(text: string): string {
  return text.slice(0, MAX_REMARK_LENGTH).normalize('NFKC');
}

/** For keyword and dictionary matching, from normalised text: case and white space do not matter (发 顺丰, sf, Sf). */
export function foldPlain(plain: string): string {
  return plain.toLowerCase().replace(/\s+/g, '');
}

/** A folded keyword, and whether it must not run on into Latin letters or digits at either end. */
export interface Word {
  text: string;
  guardStart: boolean;
  guardEnd: boolean;
}

const isAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 97 && code <= 122);

export function prepareWord(word: string): Word {
  const text = foldPlain(normaliseRemark(word));
  return {
    text,
    guardStart: isAlnum(text.charCodeAt(0)),
    guardEnd: isAlnum(text.charCodeAt(text.length - 1)),
  };
}

/**
 * Whether folded `text` holds the word. A word that begins or ends with a Latin letter or digit
 * must not run on into another there, so EMS is not found in "items" nor SF in "sfx"; next to
 * Chinese it is found (发SF).
 */
export function containsWord(text: string, { text: word, guardStart, guardEnd }: Word): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (guardStart && at > 0 && isAlnum(text.charCodeAt(at - 1))) continue;
    if (guardEnd && isAlnum(text.charCodeAt(at + word.length))) continue;
    return true;
  }
  return false;
}
