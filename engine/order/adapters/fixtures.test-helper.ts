import { readFileSync } from 'node:fs';
import { InputError } from '../../errors/index.ts';
import { parseOrderJson } from '../raw-json.ts';

const fixtureText = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');

/** A raw order fixture parsed by JSON.parse, as a caller hands the adapters an order it parsed itself: long ids lose digits. */
export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name));
}

/** A raw order fixture read as the CLI, server, simulation and editor read raw orders: long ids keep every digit. */
export function readRawFixture(name: string): Record<string, unknown> {
  return parseOrderJson(fixtureText(name)) as Record<string, unknown>;
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
