import { ApiFailure } from './api-error.ts';
import type { ErrorBody } from './api-types.ts';

export const API_BASE = '/api/v1';

export interface Answer<T> {
  status: number;
  body: T;
  /** The revision an ETag names (`"3"` → 3). */
  revision?: number;
}

let apiKey: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** The session sets the key once; every call sends it as `Authorization: Bearer`. */
export function setApiKey(key: string | undefined): void {
  apiKey = key;
}

/** Called when the server no longer accepts the key (revoked, or the server's store was reset). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

const revisionOf = (etag: string | null) => {
  const match = etag && /"?(\d+)"?/.exec(etag);
  return match ? Number(match[1]) : undefined;
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Optimistic concurrency: the revision this write builds on. */
  ifMatch?: number | '*';
  /** For the login check: a key not yet in the session. */
  key?: string;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = options.key ?? apiKey;
  if (key) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined)
    headers['if-match'] = options.ifMatch === '*' ? '*' : `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch (error) {
    throw new ApiFailure(0, 'network', `the server cannot be reached: ${(error as Error).message}`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const revision = revisionOf(response.headers.get('etag'));
  if (!response.ok) {
    // A proxy or a crash may answer without the envelope: read it as possibly absent.
    const error = (body as Partial<ErrorBody> | undefined)?.error;
    if (response.status === 401 && !options.key) onUnauthorized?.();
    throw new ApiFailure(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `${response.status} ${response.statusText}`,
      error ?? {},
      response.headers.get('etag') ?? undefined,
    );
  }
  return { status: response.status, body: body as T, ...(revision !== undefined ? { revision } : {}) };
}
