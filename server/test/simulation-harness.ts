import { readFile } from 'node:fs/promises';
import type { Answer, CallOptions } from './harness.ts';

export const SAMPLE_HISTORY = new URL('../../samples/history/', import.meta.url).pathname;

export async function sampleHistory(file: string): Promise<Buffer> {
  return readFile(`${SAMPLE_HISTORY}${file}`);
}

export async function sampleMapping(file: string): Promise<unknown> {
  return JSON.parse(await readFile(`${SAMPLE_HISTORY}${file}`, 'utf8'));
}

/** What these helpers need of a server: a `TestServer`, or `apiClient` over one started otherwise. */
export interface ApiClient {
  readonly running: { url: string };
  readonly adminKey: string;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
}

/** `TestServer.call` for a server started by the test itself (on a workspace that outlives it). */
export function apiClient(url: string, adminKey: string): ApiClient {
  return {
    running: { url },
    adminKey,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${options.key ?? adminKey}`,
        ...options.headers,
      };
      let body: string | undefined;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
      const res = await fetch(`${url}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
  };
}

/** POSTs a file as the raw body, as curl --data-binary does (fetch, since `call` sends text). */
export async function upload(
  server: ApiClient,
  path: string,
  body: Buffer | string,
  headers: Record<string, string>,
  key: string = server.adminKey,
): Promise<Answer> {
  const res = await fetch(`${server.running.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, ...headers },
    body,
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** Reads a job until `done(job)` holds; a job that ends any other way fails the wait with its status. */
export async function waitForJob(
  server: ApiClient,
  path: string,
  until: (job: { status: string }) => boolean = (job) => !['queued', 'running'].includes(job.status),
): Promise<Answer['body']> {
  for (;;) {
    const answer = await server.call('GET', path);
    if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.text}`);
    if (until(answer.body)) return answer.body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
