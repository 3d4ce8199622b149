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
  if (!response.ok) {
    throw failure(response.status, response.statusText, text, response.headers.get('etag'), !options.key);
  }
  const revision = revisionOf(response.headers.get('etag'));
  return {
    status: response.status,
    body: parseJson(text) as T,
    ...(revision !== undefined ? { revision } : {}),
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The server's error envelope as an ApiFailure, whatever answered (a proxy may send none). */
function failure(
  status: number,
  statusText: string,
  text: string,
  etag: string | null,
  signedIn = true,
): ApiFailure {
  const body = parseJson(text) as Partial<ErrorBody> | undefined;
  // A rejected login attempt is not a lost session.
  if (status === 401 && signedIn) onUnauthorized?.();
  const error = body?.error;
  return new ApiFailure(
    status,
    error?.code ?? 'http_error',
    error?.message ?? `${status} ${statusText}`,
    error ?? {},
    etag ?? undefined,
  );
}

/**
 * Sends a file as the raw body through XMLHttpRequest, since fetch reports no upload progress:
 * a month of orders is hundreds of megabytes, and the consultant should see it move.
 */
/**
 * What `upload` uses of the browser's XMLHttpRequest, declared here because the root typecheck
 * (api/contract.test.ts imports this module) has no DOM library; in the browser it is the real one.
 */
interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  upload: {
    onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  };
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  onload: (() => void) | null;
  readonly status: number;
  readonly statusText: string;
  readonly responseText: string;
  getResponseHeader(name: string): string | null;
  send(body: Blob): void;
  abort(): void;
}
declare const XMLHttpRequest: new () => UploadRequest;

export function upload<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (share: number) => void,
  headers: Readonly<Record<string, string>> = {},
): { done: Promise<Answer<T>>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Answer<T>>((resolve, reject) => {
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (apiKey) xhr.setRequestHeader('authorization', `Bearer ${apiKey}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiFailure(0, 'network', 'the server cannot be reached'));
    xhr.onabort = () => reject(new ApiFailure(0, 'aborted', 'the upload was cancelled'));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(failure(xhr.status, xhr.statusText, xhr.responseText, xhr.getResponseHeader('etag')));
        return;
      }
      resolve({ status: xhr.status, body: parseJson(xhr.responseText) as T });
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
