import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { ApiError } from './api-error.ts';
import { toHttpError } from './to-http-error.ts';

/** The one place errors become responses. Stacks go to the log, with the request id, never to the caller. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const requestId = String(res.locals.requestId ?? '');
    const http = toHttpError(error, requestId);
    if (http.internal) {
      logger.error('request failed', {
        requestId,
        method: req.method,
        path: req.path,
        error: error instanceof Error ? error.stack : String(error),
      });
    }
    res.status(http.status).set(http.headers).json(http.body);
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `no route ${req.method} ${req.path}`));
};
