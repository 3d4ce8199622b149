import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { ErrorSchema } from '../../api/index.ts';
import { mayHoldUnsafeInteger, parseOrderJson } from '../../engine/order/raw-json.ts';
import type { AuthFailureLimiter } from '../auth/auth-failure-limiter.ts';
import type { Authenticator, Caller } from '../auth/authenticate.ts';
import { coversAllClients, coversClient, hasPermission, type Permission } from '../auth/roles.ts';
import { ApiError, forbidden } from '../errors/api-error.ts';
import { API_BASE } from '../openapi/document.ts';
import { checkJsonShape } from './body-limits.ts';
import { parseIfMatch } from './if-match.ts';
import { validate } from './validate.ts';

type AnyObject = z.ZodObject;
const NoParams = z.object({});

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * A top-level array field of `body` that may be long (a batch's results): it is written an element
   * at a time, handing the event loop back every few milliseconds, instead of in one JSON.stringify.
   */
  sliceField?: string;
  /** A body that is not JSON (an HTML report), sent as is with its `headers` content type. */
  text?: string;
}

export interface RouteInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  /** The revision an If-Match header named, when the route reads one. */
  ifMatch: number | '*' | undefined;
  caller: Caller;
  /** The request itself, for a route that streams a body of its own kind (`rawBody`). */
  request: Request;
}

export interface RouteSpec<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style, below /api/v1: `/clients/{clientId}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  permission: Permission;
  /** For routes without a client in the path that act on every client (keys, new clients). */
  allClients?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** A body that is not JSON, read by the handler from `request` as a stream: its media types, for the OpenAPI document. */
  rawBody?: { contentTypes: readonly string[]; description: string };
  /** Largest body accepted, as body-parser reads it ("100kb", "8mb"). */
  bodyLimit?: string;
  /** Limits of the route's own (graph sizes), on the parsed body before the schema sees it; throws 413. */
  checkBody?: (body: unknown) => void;
  /** The body holds raw platform orders: integers past 2^53 (TOP's `tid`, `oid`) arrive as strings of their digits. */
  losslessIntegers?: boolean;
  ifMatch?: 'required' | 'optional';
  responses: Record<
    number,
    { description: string; schema?: z.ZodType; etag?: boolean; contentType?: string }
  >;
  handler(input: RouteInput<P, Q, B>): Promise<Reply>;
}

const DEFAULT_BODY_LIMIT = '1mb';

const errorResponse = (description: string): ResponseConfig => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/**
 * Declares API routes once: the same zod schemas validate the request in express and describe it
 * in the OpenAPI document, and every route gets the same order of checks — key (401; 429 after repeated failures), path
 * (400), role and client (403), body size and JSON (413, 400), body fields (400) — before its handler.
 * Each resource's router file calls `add`; a new resource (plugins, simulations) is one more file.
 */
export class ApiBuilder {
  readonly router = Router();

  constructor(
    private readonly registry: OpenAPIRegistry,
    private readonly auth: Authenticator,
    private readonly limiter: AuthFailureLimiter,
    private readonly bodyLimits: { maxJsonDepth: number },
  ) {}

  add<
    P extends AnyObject = typeof NoParams,
    Q extends AnyObject = typeof NoParams,
    B extends z.ZodType = z.ZodUndefined,
  >(spec: RouteSpec<P, Q, B>): void {
    this.document(spec);
    const expressPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
    const jsonBody = express.json({
      limit: spec.bodyLimit ?? DEFAULT_BODY_LIMIT,
      strict: true,
      ...(spec.losslessIntegers ? { verify: keepLongNumberText } : {}),
    });
    this.router[spec.method](expressPath, async (req: Request, res: Response, next: NextFunction) => {
      res.locals.route = `${API_BASE}${spec.path}`;
      let caller: Caller;
      try {
        // The key first, always: a valid one is never held back by others' failures.
        caller = await this.auth.authenticate(req);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401)
          return next(this.limiter.refuse(req, res, error));
        return next(error);
      }
      const params = validate(spec.params ?? NoParams, req.params, 'params') as z.output<P>;
      authorize(spec, caller, params);
      const body = spec.body
        ? await readBody(jsonBody, spec.body, req, res, (raw) => {
            checkJsonShape(raw, this.bodyLimits);
            spec.checkBody?.(raw);
          })
        : undefined;
      const reply = await spec.handler({
        params,
        query: validate(spec.query ?? NoParams, req.query, 'query') as z.output<Q>,
        body: body as z.output<B>,
        ifMatch: spec.ifMatch ? parseIfMatch(req.get('if-match'), spec.ifMatch === 'required') : undefined,
        caller,
        request: req,
      });
      res.status(reply.status ?? 200).set(reply.headers ?? {});
      if (reply.text !== undefined) res.send(reply.text);
      else if (reply.body === undefined) res.end();
      else if (reply.sliceField)
        await sendInSlices(res, reply.body as Record<string, unknown>, reply.sliceField);
      else res.json(reply.body);
    });
  }

  private document<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
    spec: RouteSpec<P, Q, B>,
  ): void {
    const responses: Record<string, ResponseConfig> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      const schema = r.schema ?? (Number(status) >= 400 ? ErrorSchema : undefined);
      responses[status] = {
        description: r.description,
        ...(r.etag
          ? { headers: z.object({ ETag: z.string().meta({ description: 'the revision, as "3"' }) }) }
          : {}),
        ...(schema ? { content: { [r.contentType ?? 'application/json']: { schema } } } : {}),
      };
    }
    responses[400] ??= errorResponse('the request is not valid; `issues` names each field by its path');
    responses[401] ??= errorResponse('no API key, or not a valid one');
    responses[403] ??= errorResponse("the key's role or clients do not allow this");
    if (spec.body) {
      responses[413] ??= errorResponse(
        `the body is over ${spec.bodyLimit ?? DEFAULT_BODY_LIMIT}, or over a limit on what it holds (\`limit\` names it)`,
      );
    }
    responses[500] ??= errorResponse('a fault of the server; the body holds a request id and nothing else');
    this.registry.registerPath({
      method: spec.method,
      path: spec.path,
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      security: [{ apiKey: [] }],
      request: {
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { query: spec.query } : {}),
        ...(spec.ifMatch
          ? {
              headers: z.object({
                'If-Match': (spec.ifMatch === 'required' ? z.string() : z.string().optional()).meta({
                  description: 'the ETag last read, or * to overwrite whatever is there',
                }),
              }),
            }
          : {}),
        ...(spec.body
          ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } }
          : {}),
        ...(spec.rawBody
          ? {
              body: {
                required: true,
                description: spec.rawBody.description,
                content: Object.fromEntries(
                  spec.rawBody.contentTypes.map((type) => [
                    type,
                    { schema: z.string().meta({ format: 'binary' }) },
                  ]),
                ),
              },
            }
          : {}),
      },
      responses,
    });
  }
}

function authorize<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
  spec: RouteSpec<P, Q, B>,
  caller: Caller,
  params: Record<string, unknown>,
): void {
  if (!hasPermission(caller.key, spec.permission)) {
    throw forbidden(
      `a ${caller.key.role} key may not ${spec.summary.toLowerCase()} (needs ${spec.permission})`,
    );
  }
  const clientId = params.clientId;
  if (typeof clientId === 'string' && !coversClient(caller.key, clientId)) {
    throw forbidden(`this key is not for client "${clientId}"`);
  }
  if (spec.allClients && !coversAllClients(caller.key)) {
    throw forbidden('this needs a key for all clients');
  }
}

/**
 * Runs body-parser for one route (after authorisation: nobody unauthorised gets 8 MB parsed), then
 * the limits on what the body holds (iterative, so a deep body is refused before zod recurses into
 * it), then the schema.
 */
function readBody<B extends z.ZodType>(
  parser: express.RequestHandler,
  schema: B,
  req: Request,
  res: Response,
  checkLimits: (raw: unknown) => void,
): Promise<z.output<B>> {
  return new Promise((resolve, reject) => {
    parser(req, res, (error?: unknown) => {
      if (error) return reject(error);
      if (req.body === undefined) {
        return reject(new ApiError(415, 'unsupported_media_type', 'send the body as application/json'));
      }
      try {
        // First: the lossless parser and zod both recurse, and must never meet a body nested too deep.
        checkLimits(req.body);
        resolve(validate(schema, losslessBody(req), 'body'));
      } catch (validationError) {
        reject(validationError);
      }
    });
  });
}

/** Text of a body that may hold integers past 2^53, kept by body-parser's `verify` hook for `losslessBody`. */
const longNumberText = new WeakMap<Request, string>();

/**
 * body-parser has no parser of our choosing, so the bodies (few) that may hold a long integer keep
 * their text; every other body is parsed once, by body-parser's JSON.parse, as before.
 */
function keepLongNumberText(req: Request, _res: Response, buffer: Buffer, encoding: string): void {
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(buffer);
  } catch {
    return; // an encoding TextDecoder lacks (UTF-32): the body keeps JSON.parse's numbers
  }
  if (mayHoldUnsafeInteger(text)) longNumberText.set(req, text);
}

/** The body body-parser read, or, when it may hold a long integer, its text read again without losing digits. */
function losslessBody(req: Request): unknown {
  const text = longNumberText.get(req);
  if (text === undefined) return req.body;
  try {
    return parseOrderJson(text);
  } catch {
    return req.body; // body-parser took it, the lossless parser did not: the adapter names any rounded id
  }
}

/** Serialising this long at a stretch is the most a response holds the event loop. */
const SLICE_MS = 5;

/** `res.json(body)`, but with `body[field]` written element by element, yielding between slices and to backpressure. */
async function sendInSlices(res: Response, body: Record<string, unknown>, field: string): Promise<void> {
  const items = body[field];
  if (!Array.isArray(items)) {
    res.json(body);
    return;
  }
  const { [field]: _items, ...rest } = body;
  const head = JSON.stringify(rest);
  res.type('json');
  let closed = false;
  res.once('close', () => {
    closed = true;
  });
  const write = async (chunk: string) => {
    if (res.write(chunk) || closed) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };
  await write(`${head === '{}' ? '{' : `${head.slice(0, -1)},`}${JSON.stringify(field)}:[`);
  let chunk = '';
  let sliceStart = performance.now();
  for (const [i, item] of items.entries()) {
    if (closed) return;
    chunk += (i === 0 ? '' : ',') + JSON.stringify(item);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await write(chunk);
      chunk = '';
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  await write(`${chunk}]}`);
  res.end();
}
