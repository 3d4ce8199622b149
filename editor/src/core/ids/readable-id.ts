/** An id the editor made from the kind (`condition`, `condition-2`): the consultant has not chosen one. */
export const isKindId = (id: string, kind: string) => new RegExp(`^${kind}(-\\d+)?$`).test(id);

/** Chinese text into its readings, word by word (`未付款` → `wei`, `fu`, `kuan`); other text passed through. */
export type Romanise = (text: string) => readonly string[];

/** Han characters: what a name needs romanised before it can become an ASCII id. */
const HAN = /\p{Script=Han}/u;

export const needsRomanising = (name: string) => HAN.test(name);

/** Long enough for `ping-tai-qiang-zhi-bei-zhu-shang-pin`, short enough to read in a trace line. */
export const MAX_ID_LENGTH = 40;

/**
 * An id from a node's name, for traces and diffs that read `wei-fu-kuan-lan-jie` rather than
 * `condition-2`: its words in lower case, Chinese ones as pinyin when a romaniser is given, latin
 * words and digits as written. Without a romaniser only the latin words and digits count, and a
 * name with none gives none.
 */
export function idFromName(name: string, romanise?: Romanise): string | undefined {
  const text = name.normalize('NFKC');
  const parts = romanise && needsRomanising(text) ? romanise(text) : [text];
  const words = parts
    .join(' ')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return words ? capped(words) : undefined;
}

/** Whole words up to the cap: a cut word reads as another word. Only a single overlong word is cut. */
function capped(words: readonly string[]): string {
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > MAX_ID_LENGTH) break;
    id = next;
  }
  return id || (words[0] ?? '').slice(0, MAX_ID_LENGTH);
}

/** What the graph schema accepts as an id. */
export const VALID_ID = /^[A-Za-z0-9_.:-]+$/;
