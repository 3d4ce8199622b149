import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeZodIssues, InputError } from '../errors/index.ts';
import { readJsonFile } from '../strategies/read-json.ts';
import { type Client, ClientSchema } from './schema.ts';

export const CLIENT_FILE = 'client.json';

export function parseClient(document: unknown, source: string): Client {
  const parsed = ClientSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issues = describeZodIssues(parsed.error);
  throw new InputError(
    'client_invalid',
    `${source} is not a valid client: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    {
      field: issues[0]?.field,
    },
  );
}

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
