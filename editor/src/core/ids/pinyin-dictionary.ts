/** pinyin-pro and its dictionary as one lazily loaded chunk, named `pinyin-dictionary-*.js` in the build. */
export { pinyin } from 'pinyin-pro';
