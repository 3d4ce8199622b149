import { readFileSync } from 'node:fs';
import { InputError } from '../../errors/index.ts';

/** A raw order fixture parsed as JSON.parse parses it, so lossy big numbers stay lossy as in production. */
export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}

export function captureInputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
