import type { Romanise } from './readable-id.ts';

/**
 * pinyin-pro with its dictionary is larger than the rest of the naming code by far, and only Chinese
 * names need it: it is fetched as its own chunk the first time one does, never on first load.
 */
let loaded: Romanise | undefined;
let loading: Promise<Romanise> | undefined;

/** The romaniser if it has arrived; until then ids come from the latin part of a name only. */
export const loadedPinyin = (): Romanise | undefined => loaded;

/** Fetches the romaniser once; a failed fetch (offline, a redeploy) is tried again next time. */
export function loadPinyin(): Promise<Romanise> {
  loading ??= import('./pinyin-dictionary.ts').then(
    ({ pinyin }) => {
      // Phrase-aware: 重 in 重量 reads zhong, in 重复 chong. `v` spells ü as v (绿 → lv): ids are ASCII.
      loaded = (text) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
      return loaded;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
