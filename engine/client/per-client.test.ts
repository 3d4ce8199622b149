import { describe, expect, it } from 'vitest';
import { perClient } from './per-client.ts';
import type { Client } from './schema.ts';

const client = (id: string) => ({ id }) as unknown as Client;

describe('perClient', () => {
  it('builds once per key and client, and apart for another key or client', () => {
    const built: string[] = [];
    const prepared = perClient((key: { name: string }, c: Client) => {
      built.push(`${key.name}/${c.id}`);
      return { key, c };
    });
    const [a, b] = [{ name: 'a' }, { name: 'b' }];
    const [one, two] = [client('one'), client('two')];
    const first = prepared(a, one);
    expect(prepared(a, one)).toBe(first);
    expect(prepared(a, two)).not.toBe(first);
    expect(prepared(b, one)).not.toBe(first);
    prepared(b, one);
    expect(built).toEqual(['a/one', 'a/two', 'b/one']);
  });
});
