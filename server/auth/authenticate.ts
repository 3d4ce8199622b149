import type { Request } from 'express';
import { unauthorized } from '../errors/api-error.ts';
import type { ApiKeyRecord } from '../store/records.ts';
import type { KeyStore } from '../store/store.ts';
import { keyIdOf, keyMatches } from './api-key.ts';

/** The key a request came with, and how the audit log names its holder. */
export interface Caller {
  key: ApiKeyRecord;
  actor: string;
}

/** The record that holds ORDERGRAPH_ADMIN_KEY's hash: a key set in the environment has no id of ours in it. */
export const ENV_ADMIN_KEY_ID = 'env-admin';

const KEY_HEADER = 'x-api-key';

/** `Authorization: Bearer <key>`, or `X-API-Key: <key>` for tools that cannot set Authorization. */
export function presentedKey(req: Request): string | undefined {
  const auth = req.get('authorization');
  if (auth) return /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
  return req.get(KEY_HEADER)?.trim() || undefined;
}

/**
 * Turns a presented key into a caller, or a 401 that says no more than "missing" or "not valid".
 * Key records are cached briefly: every request needs one, and a revoked key must stop working
 * within seconds on every server, not at once (`forget` makes it at once on this one).
 */
export class Authenticator {
  private readonly cache = new Map<string, { record: ApiKeyRecord | undefined; until: number }>();

  constructor(
    private readonly keys: KeyStore,
    private readonly cacheMs = 2_000,
    private readonly maxCached = 10_000,
  ) {}

  async authenticate(req: Request): Promise<Caller> {
    const key = presentedKey(req);
    if (!key) throw unauthorized('send an API key: Authorization: Bearer <key>');
    const candidates = new Set(
      [keyIdOf(key), ENV_ADMIN_KEY_ID].filter((id): id is string => id !== undefined),
    );
    for (const keyId of candidates) {
      const record = await this.record(keyId);
      if (record && keyMatches(key, record.hash))
        return { key: record, actor: `${record.name} [${record.keyId}]` };
    }
    throw unauthorized('the API key is not valid');
  }

  forget(keyId: string): void {
    this.cache.delete(keyId);
  }

  private async record(keyId: string): Promise<ApiKeyRecord | undefined> {
    const now = Date.now();
    const hit = this.cache.get(keyId);
    if (hit && hit.until > now) return hit.record;
    const record = await this.keys.get(keyId);
    // Misses are cached too, and made-up key ids are a miss each: the cache is bounded. Entries are
    // re-inserted when refreshed, so the map's order is expiry order and the oldest go first.
    this.cache.delete(keyId);
    for (const [id, entry] of this.cache) {
      if (this.cache.size < this.maxCached && entry.until > now) break;
      this.cache.delete(id);
    }
    this.cache.set(keyId, { record, until: now + this.cacheMs });
    return record;
  }
}
