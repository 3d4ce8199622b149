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

/** Whether `value` is wrapped in `mark` at both ends, with something between. */
export function wrappedIn(value: string, mark: string): boolean {
  return value.length >= 2 * mark.length && value.startsWith(mark) && value.endsWith(mark);
}
