import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli } from '../../../test-support/run-cli.ts';
import { REPO } from './paths.ts';

export interface ServerUnderTest {
  url: string;
  /** The first admin key, read from the banner the server prints at its first start. */
  adminKey: string;
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; etag: string | null }>;
  stop(): Promise<void>;
}

/**
 * `ordergraph serve`, as `npm start` runs it, on a free port over a fresh workspace: the demo client
 * is imported and published, and the admin key is printed once.
 */
export async function startServer(): Promise<ServerUnderTest> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-editor-e2e-'));
  const child: ChildProcess = spawnCli(['serve'], {
    cwd: REPO,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const { url, adminKey } = await new Promise<{ url: string; adminKey: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 30 s:\n${output}`)), 30_000);
    const check = () => {
      const url = /Ordergraph API on (http:\/\/\S+)/.exec(output)?.[1];
      const adminKey = /admin API key \(shown once, stored hashed\): (\S+)/.exec(output)?.[1];
      if (url && adminKey) {
        clearTimeout(timer);
        resolve({ url, adminKey });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it started:\n${output}`));
    });
  });
  return {
    url,
    adminKey,
    async api(method, path, body, headers = {}) {
      const res = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${adminKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: (text ? JSON.parse(text) : undefined) as never,
        etag: res.headers.get('etag'),
      };
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
