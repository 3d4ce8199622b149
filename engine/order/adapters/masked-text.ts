import { text } from './raw-fields.ts';

/** What an adapter writes where only a ciphertext came: a mask, as the platforms' own masks are runs of asterisks. */
export const ENCRYPTED = '****';

/**
 * A receiver field as a person may read it: the plain text (older orders, exchanges), else the
 * platform's masked text (王**, 1********35, 莲前街道***), else, when only a ciphertext came (which no
 * rule can read; `isCiphertext` knows the platform's), a mask saying the field is there but encrypted.
 */
export function shown(
  plain: unknown,
  masked: unknown,
  cipher: unknown,
  isCiphertext: (value: string) => boolean,
): string {
  const value = text(plain);
  if (value !== '' && !isCiphertext(value)) return value;
  const mask = text(masked);
  if (mask !== '') return mask;
  return value !== '' || text(cipher) !== '' ? ENCRYPTED : '';
}

/**
 * The ciphertexts of TOP's security SDK, which Taobao / Tmall trades carried before masks and oaid
 * (2018 to 2021), and which Pinduoduo's orders carry now: `~…~…~N~~` for names and addresses,
 * `$…$…$N$$` for phone numbers: the mark at both ends and again between its fields, so a name
 * someone wrote between two tildes is not taken for one.
 */
export function isTopCiphertext(value: string): boolean {
  return topFields(value, '~') || topFields(value, '$');
}

function topFields(value: string, mark: string): boolean {
  return wrappedIn(value, mark) && value.indexOf(mark, 1) < value.length - 1;
}

/** Whether `value` is wrapped in `mark` at both ends, with something between. */
export function wrappedIn(value: string, mark: string): boolean {
  return value.length >= 2 * mark.length && value.startsWith(mark) && value.endsWith(mark);
}
