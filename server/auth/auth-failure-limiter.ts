import type { Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { ApiError } from '../errors/api-error.ts';
import { keyIdOf } from './api-key.ts';
import { presentedKey } from './authenticate.ts';

const WINDOW_MS = 15 * 60_000;
/** Tallies kept at most: an address spraying made-up key ids must not grow memory without end. */
const MAX_TALLIES = 100_000;

interface Tally {
  failures: number;
  resetAt: number;
}

/**
 * The key a failure counts against: `og_<keyId>` for our keys (every guess at one key's secret
 * shares it), `none` for a request without a key, `other` for anything else (a mistyped
 * ORDERGRAPH_ADMIN_KEY). Never the secret: the tally is kept in memory, keyed by this and the address.
 */
export function keyPrefixOf(req: Request): string {
  const key = presentedKey(req);
  if (key === undefined) return 'none';
  const keyId = keyIdOf(key);
  return keyId === undefined ? 'other' : `og_${keyId}`;
}

const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

/**
 * Makes a client that keeps sending a bad key back off: after `limit` failed authentications with
 * one key prefix from one address within the window, the next bad key with that prefix from that
 * address is answered 429 (with Retry-After) instead of 401, until the window passes.
 *
 * It only ever answers requests whose key has already failed: a key that authenticates is never
 * blocked, whatever others sent from its address (behind a proxy, everyone shares one) or with its
 * key id. Guessing is not what this stops: a key holds 32 random bytes, there is nothing to guess.
 */
export class AuthFailureLimiter {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = WINDOW_MS,
    private readonly now: () => number = Date.now,
    private readonly maxTallies = MAX_TALLIES,
  ) {}

  /** Counts a failed authentication; answers with `error` (the 401), or 429 once over the limit. */
  refuse(req: Request, res: Response, error: ApiError): ApiError {
    const tally = this.count(`${addressOf(req)} ${keyPrefixOf(req)}`);
    if (tally.failures <= this.limit) return error;
    res.set('Retry-After', String(Math.max(1, Math.ceil((tally.resetAt - this.now()) / 1000))));
    return new ApiError(
      429,
      'too_many_auth_failures',
      `more than ${this.limit} requests from this address with a missing or bad API key like this one; wait and retry with a valid key`,
    );
  }

  private count(id: string): Tally {
    const now = this.now();
    let tally = this.tallies.get(id);
    if (!tally || tally.resetAt <= now) {
      this.tallies.delete(id);
      if (this.tallies.size >= this.maxTallies) this.evict(now);
      tally = { failures: 0, resetAt: now + this.windowMs };
      // Map order is insertion order: oldest windows first, which is what `evict` drops.
      this.tallies.set(id, tally);
    }
    tally.failures++;
    return tally;
  }

  /** Drops tallies whose window has passed; if none has, the oldest tenth. */
  private evict(now: number): void {
    for (const [id, tally] of this.tallies) if (tally.resetAt <= now) this.tallies.delete(id);
    if (this.tallies.size < this.maxTallies) return;
    let drop = Math.ceil(this.maxTallies / 10);
    for (const id of this.tallies.keys()) {
      if (drop-- <= 0) break;
      this.tallies.delete(id);
    }
  }
}
