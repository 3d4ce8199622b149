import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv, type ServerConfig } from '../config.ts';
import { consoleLogger, silentLogger } from '../logger.ts';
import { type RunningServer, type StartOptions, startServer } from '../start-server.ts';
import type { Role } from '../store/records.ts';

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers as free JSON
  body: any;
  text: string;
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  /** Sent as is, instead of `body` as JSON. */
  raw?: string;
  headers?: Record<string, string>;
}

export const SAMPLE_ORDERS = new URL('../../samples/orders/', import.meta.url).pathname;

export async function sampleOrder(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(SAMPLE_ORDERS, file), 'utf8'));
}

/** A real server on 127.0.0.1 and a free port, over a fresh workspace holding the demo client. */
export class TestServer {
  private constructor(
    readonly running: RunningServer,
    readonly dataDir: string,
    readonly adminKey: string,
  ) {}

  static async start(
    overrides: Partial<ServerConfig> = {},
    options: Pick<StartOptions, 'plugins' | 'simulationPlugins'> = {},
  ): Promise<TestServer> {
    const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-http-'));
    const config: ServerConfig = {
      ...configFromEnv({}),
      port: 0,
      host: '127.0.0.1',
      dataDir,
      authFailureLimit: 10_000,
      ...overrides,
    };
    // DEBUG_SERVER=1 shows the server's log (a 500's stack) while a test runs.
    const logger = process.env.DEBUG_SERVER ? consoleLogger : silentLogger;
    const running = await startServer(config, { logger, ...options });
    if (running.adminKey.source !== 'generated') throw new Error('expected a generated admin key');
    return new TestServer(running, dataDir, running.adminKey.key);
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? this.adminKey : options.key;
    if (key !== null) headers.authorization ??= `Bearer ${key}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.running.url}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  /** A new key with this role (for these clients), made through the API by the admin. */
  async keyFor(role: Role, clients: string[] = ['*']): Promise<string> {
    const answer = await this.call('POST', '/api/v1/keys', { body: { name: `test ${role}`, role, clients } });
    if (answer.status !== 201) throw new Error(`could not make a ${role} key: ${answer.text}`);
    return answer.body.key;
  }

  async stop(): Promise<void> {
    await this.running.close(1_000);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
