import { OrdergraphError } from '../../engine/errors/index.ts';

/** The server refused a request: its status and the API's error code and message. */
export class ServerRefusedError extends OrdergraphError {
  readonly code: string;

  constructor(
    readonly status: number,
    code: string,
    message: string,
    readonly path: string,
    /** The rest of the API's error body: `issues`, `problems`, `field` … */
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${path}: ${status} ${code}: ${message}`);
    this.code = code;
  }
}

export interface ServerCall {
  method?: string;
  json?: unknown;
  body?: string | ReadableStream;
  headers?: Record<string, string>;
}

/** API v1 of one server with one key, as the CLI talks to it. */
export class ServerClient {
  private readonly base: string;

  constructor(
    server: string,
    private readonly key: string,
  ) {
    this.base = `${server.replace(/\/+$/, '')}/api/v1`;
  }

  async json<T>(path: string, call: ServerCall = {}): Promise<T> {
    return JSON.parse(await this.text(path, call)) as T;
  }

  async text(path: string, call: ServerCall = {}): Promise<string> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.key}`, ...call.headers };
    let body = call.body;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json';
    }
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method: call.method ?? 'GET',
        headers,
        ...(body !== undefined ? { body } : {}),
        // A stream body (an upload) is sent as it is read.
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      throw new ServerRefusedError(
        0,
        'unreachable',
        `cannot reach ${this.base}: ${(error as Error).message}`,
        path,
      );
    }
    const text = await res.text();
    if (!res.ok) {
      let code = 'error';
      let message = text.slice(0, 500);
      let details: Record<string, unknown> = {};
      try {
        const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
        code = parsed.error?.code ?? code;
        message = parsed.error?.message ?? message;
        details = parsed.error ?? {};
      } catch {
        // Not an API error body (a proxy's page): its text says what happened.
      }
      throw new ServerRefusedError(res.status, code, message, path, details);
    }
    return text;
  }
}
