import type { RequestHandler } from 'express';
import type { Metrics } from './metrics.ts';

/**
 * Counts and times every request by its route template (`/api/v1/clients/{clientId}`), never by
 * its raw path: ids in label values would make a new series per client and order.
 */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const route = typeof res.locals.route === 'string' ? res.locals.route : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, seconds);
    });
    next();
  };
}
