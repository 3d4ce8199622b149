import { describeZodIssues, InputError } from '../errors/index.ts';
import { type Client, ClientSchema } from './schema.ts';

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
