import { InputError } from '../../engine/errors/index.ts';
import {
  AlreadyExistsError,
  CorruptDocumentError,
  NotFoundError,
  RevisionConflictError,
  WorkspaceLockedError,
} from '../store/errors.ts';
import { ApiError } from './api-error.ts';

export interface HttpError {
  status: number;
  body: { error: { code: string; message: string } & Record<string, unknown> };
  headers: Record<string, string>;
  /** A fault of ours, to be logged with its stack; the caller only gets a request id. */
  internal: boolean;
}

/** What body-parser and the router throw: a status, and for body-parser a `type` naming the problem. */
interface BodyParserError {
  status?: number;
  type?: string;
  limit?: number;
}

function answer(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): HttpError {
  return { status, body: { error: { code, message, ...extra } }, headers: {}, internal: false };
}

/**
 * Every error the server can meet, mapped to one answer in one place. Messages come from our own
 * typed errors only; anything else is a 500 whose body says nothing of stacks, files or paths.
 */
export function toHttpError(error: unknown, requestId: string): HttpError {
  if (error instanceof ApiError) return answer(error.status, error.code, error.message, error.details);
  if (error instanceof RevisionConflictError) {
    const out = answer(409, error.code, error.message, { current: error.current ?? null });
    if (error.current !== undefined) out.headers.ETag = `"${error.current}"`;
    return out;
  }
  if (error instanceof AlreadyExistsError) return answer(409, error.code, error.message);
  if (error instanceof NotFoundError) return answer(404, error.code, error.message);
  if (error instanceof InputError) return answer(400, error.code, error.message, { ...error.location });
  const parser = error as BodyParserError;
  if (parser?.type === 'entity.too.large') {
    return answer(413, 'payload_too_large', `the request body is over the limit of ${parser.limit} bytes`);
  }
  if (parser?.type === 'entity.parse.failed')
    return answer(400, 'invalid_json', 'the request body is not valid JSON');
  if (parser?.type === 'encoding.unsupported' || parser?.type === 'charset.unsupported') {
    return answer(415, 'unsupported_encoding', 'send the body as UTF-8 JSON');
  }
  // Anything else express or its parsers refused as the client's fault (a path that does not decode).
  if (typeof parser?.status === 'number' && parser.status >= 400 && parser.status < 500) {
    return answer(parser.status, 'bad_request', 'the request could not be read');
  }
  const unavailable = error instanceof WorkspaceLockedError;
  const code =
    error instanceof CorruptDocumentError ? 'store_corrupt' : unavailable ? 'unavailable' : 'internal_error';
  const out = answer(
    unavailable ? 503 : 500,
    code,
    `the server failed; quote request id ${requestId} when reporting it`,
    {
      requestId,
    },
  );
  out.internal = true;
  return out;
}
