import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Client } from '../client/index.ts';
import { parseClient } from '../client/index.ts';
import { readJsonFile } from './read-json-file.ts';

/** The file a client's master data lives in, beside its `strategies/` folder. */
export const CLIENT_FILE = 'client.json';

/**
 * The client a strategy folder belongs to: `client.json` in the folder or the one above it
 * (`samples/clients/<client>/client.json` beside `strategies/`). Undefined when there is none,
 * so a lone strategy file still compiles, without reference checks.
 */
export function findClient(strategyPath: string): Client | undefined {
  for (const dir of [strategyPath, dirname(strategyPath), dirname(dirname(strategyPath))]) {
    const file = join(dir, CLIENT_FILE);
    if (existsSync(file)) return parseClient(readJsonFile(file), file);
  }
  return undefined;
}
