import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '../client/index.ts';
import { type CompileResult, compileStrategy } from '../compiler/index.ts';
import { InputError } from '../errors/index.ts';
import { findClient } from './find-client.ts';
import { readJsonFile } from './read-json-file.ts';

export const STRATEGY_SUFFIX = '.strategy.json';

export interface LoadedStrategy {
  file: string;
  document: unknown;
  result: CompileResult;
}

/** The strategy files at a path: the file itself, or every `*.strategy.json` below a folder, sorted. */
export function strategyFiles(path: string): string[] {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError('file_unreadable', `cannot read ${path}: no such file or folder`, { field: path });
  }
  if (stats.isFile()) return [path];
  const files = readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(STRATEGY_SUFFIX))
    .map((name) => join(path, name))
    .sort();
  if (files.length === 0) {
    throw new InputError('no_strategies', `no ${STRATEGY_SUFFIX} files in ${path}`, { field: path });
  }
  return files;
}

export interface LoadedStrategies {
  /** The client found beside the strategies (`client.json`), which references are checked against. */
  client: Client | undefined;
  strategies: LoadedStrategy[];
}

export function loadStrategies(
  path: string,
  client: Client | undefined = findClient(path),
): LoadedStrategies {
  const strategies = strategyFiles(path).map((file) => {
    const document = readJsonFile(file);
    return { file, document, result: compileStrategy(document, { client }) };
  });
  return { client, strategies };
}
