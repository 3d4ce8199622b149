import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { type ApiError, unauthorized } from '../errors/api-error.ts';
import { AuthFailureLimiter, keyPrefixOf } from './auth-failure-limiter.ts';

const request = (ip: string, authorization?: string) =>
  ({
    ip,
    get: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined),
  }) as unknown as Request;

function response() {
  const headers: Record<string, string> = {};
  const res = {
    set: (name: string, value: string) => {
      headers[name] = value;
      return res;
    },
  };
  return { res: res as unknown as Response, headers };
}

const key = (keyId: string, secret = 'x') => `Bearer og_${keyId}_${secret.repeat(43)}`;

describe('AuthFailureLimiter', () => {
  it('counts by address and key prefix: og_<keyId>, none or other, never the secret', () => {
    expect(keyPrefixOf(request('1.1.1.1', key('abcdefghijkl')))).toBe('og_abcdefghijkl');
    expect(keyPrefixOf(request('1.1.1.1', key('abcdefghijkl', 'y')))).toBe('og_abcdefghijkl');
    expect(keyPrefixOf(request('1.1.1.1'))).toBe('none');
    expect(keyPrefixOf(request('1.1.1.1', 'Bearer some-admin-key-from-the-environment'))).toBe('other');
  });

  it('answers 401 up to the limit, then 429 with Retry-After until the window passes', () => {
    let now = 0;
    const limiter = new AuthFailureLimiter(2, 60_000, () => now);
    const refuse = (ip: string, auth?: string) => {
      const { res, headers } = response();
      const error = limiter.refuse(request(ip, auth), res, unauthorized('no'));
      return { status: (error as ApiError).status, retryAfter: headers['Retry-After'] };
    };
    expect([1, 2, 3].map(() => refuse('1.1.1.1', key('aaaaaaaaaaaa')).status)).toEqual([401, 401, 429]);
    now = 45_000;
    expect(refuse('1.1.1.1', key('aaaaaaaaaaaa'))).toEqual({ status: 429, retryAfter: '15' });
    expect(refuse('1.1.1.1', key('bbbbbbbbbbbb')).status).toBe(401);
    expect(refuse('2.2.2.2', key('aaaaaaaaaaaa')).status).toBe(401);
    now = 60_000;
    expect(refuse('1.1.1.1', key('aaaaaaaaaaaa')).status).toBe(401);
  });

  it('keeps a bounded number of tallies when an address sprays made-up key ids', () => {
    const limiter = new AuthFailureLimiter(1, 60_000, () => 0, 100);
    const { res } = response();
    for (let i = 0; i < 1_000; i++) {
      limiter.refuse(request('1.1.1.1', key(`k${String(i).padStart(11, '0')}`)), res, unauthorized('no'));
    }
    expect((limiter as unknown as { tallies: Map<string, unknown> }).tallies.size).toBeLessThanOrEqual(100);
  });
});
