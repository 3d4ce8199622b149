import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keys look like `og_<keyId>_<secret>`: the id finds the record without a scan, the secret is 32
 * random bytes. A key that high in entropy needs no slow hash: sha-256 cannot be reversed, and
 * there is nothing to guess from a dictionary.
 */
const KEY_PATTERN = /^og_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  keyId: string;
  key: string;
  hash: string;
}

export function generateApiKey(): NewApiKey {
  const keyId = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const key = `og_${keyId}_${randomBytes(32).toString('base64url')}`;
  return { keyId, key, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The record id a presented key names, or undefined for a key in another shape (one set in the environment). */
export function keyIdOf(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[1];
}

/** Compares in constant time, so response timing says nothing about how much of a hash matched. */
export function keyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
