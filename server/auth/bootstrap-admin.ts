import { ALL_CLIENTS, type ApiKeyRecord } from '../store/records.ts';
import type { KeyStore } from '../store/store.ts';
import { generateApiKey, hashApiKey } from './api-key.ts';
import { ENV_ADMIN_KEY_ID } from './authenticate.ts';

export type AdminKey =
  | { source: 'environment' }
  | { source: 'generated'; key: string }
  | { source: 'existing' };

const SYSTEM = 'ordergraph (first start)';

const adminRecord = (keyId: string, name: string, hash: string): ApiKeyRecord => ({
  keyId,
  name,
  role: 'admin',
  clients: [ALL_CLIENTS],
  hash,
  createdAt: new Date().toISOString(),
  createdBy: SYSTEM,
});

/**
 * Makes sure someone can administer the server. ORDERGRAPH_ADMIN_KEY, when set, is the admin key
 * (its hash is stored; unset it and that key stops working). Otherwise the first start generates
 * one, which the caller shows once: only its hash is kept.
 */
export async function ensureAdminKey(keys: KeyStore, envKey: string | undefined): Promise<AdminKey> {
  if (envKey) {
    await keys.put(adminRecord(ENV_ADMIN_KEY_ID, 'ORDERGRAPH_ADMIN_KEY', hashApiKey(envKey)));
    return { source: 'environment' };
  }
  if (await keys.get(ENV_ADMIN_KEY_ID)) await keys.delete(ENV_ADMIN_KEY_ID);
  const admins = (await keys.list()).filter((k) => k.role === 'admin' && k.clients.includes(ALL_CLIENTS));
  if (admins.length > 0) return { source: 'existing' };
  const { keyId, key, hash } = generateApiKey();
  await keys.put(adminRecord(keyId, 'first admin', hash));
  return { source: 'generated', key };
}
