import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ApiError } from '../errors/api-error.ts';

const tooMany = () =>
  new ApiError(
    429,
    'too_many_auth_failures',
    'too many requests with a missing or bad API key; wait and retry',
  );

const clientKey = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

/**
 * Slows key guessing down: an address that failed authentication `limit` times within `windowMs`
 * gets 429, without its key even being checked, until the window passes. Only failures count
 * (express-rate-limit keeps the tally), so a busy OMS with a good key is never held back.
 */
export class AuthFailureLimiter {
  private readonly counter;

  constructor(
    private readonly limit: number,
    windowMs = 15 * 60_000,
  ) {
    this.counter = rateLimit({
      windowMs,
      limit,
      keyGenerator: clientKey,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, _res, next) => next(tooMany()),
    });
  }

  /** Refuses an address that is over the limit before its key is looked at. */
  async check(req: Request): Promise<void> {
    const seen = await this.counter.getKey(clientKey(req));
    if (seen && seen.totalHits >= this.limit) throw tooMany();
  }

  /** Counts a failure, then answers with `error` (or 429 if this failure crossed the limit). */
  fail(req: Request, res: Response, next: NextFunction, error: unknown): void {
    void this.counter(req, res, () => next(error));
  }
}
