import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { ErrorSchema } from '../../api/index.ts';
import type { AuthFailureLimiter } from '../auth/auth-failure-limiter.ts';
import type { Authenticator, Caller } from '../auth/authenticate.ts';
import { coversAllClients, coversClient, hasPermission, type Permission } from '../auth/roles.ts';
import { ApiError, forbidden } from '../errors/api-error.ts';
import { API_BASE } from '../openapi/document.ts';
import { parseIfMatch } from './if-match.ts';
import { validate } from './validate.ts';

type AnyObject = z.ZodObject;
const NoParams = z.object({});

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  /** The revision an If-Match header named, when the route reads one. */
  ifMatch: number | '*' | undefined;
  caller: Caller;
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
  /** Largest body accepted, as body-parser reads it ("100kb", "8mb"). */
  bodyLimit?: string;
  ifMatch?: 'required' | 'optional';
  responses: Record<number, { description: string; schema?: z.ZodType; etag?: boolean }>;
  handler(input: RouteInput<P, Q, B>): Promise<Reply>;
}

const DEFAULT_BODY_LIMIT = '1mb';

const errorResponse = (description: string): ResponseConfig => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/**
 * Declares API routes once: the same zod schemas validate the request in express and describe it
 * in the OpenAPI document, and every route gets the same order of checks — key (401), path
 * (400), role and client (403), body size and JSON (413, 400), body fields (400) — before its handler.
 * Each resource's router file calls `add`; a new resource (plugins, simulations) is one more file.
 */
export class ApiBuilder {
  readonly router = Router();

  constructor(
    private readonly registry: OpenAPIRegistry,
    private readonly auth: Authenticator,
    private readonly limiter: AuthFailureLimiter,
  ) {}

  add<
    P extends AnyObject = typeof NoParams,
    Q extends AnyObject = typeof NoParams,
    B extends z.ZodType = z.ZodUndefined,
  >(spec: RouteSpec<P, Q, B>): void {
    this.document(spec);
    const expressPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
    const jsonBody = express.json({ limit: spec.bodyLimit ?? DEFAULT_BODY_LIMIT, strict: true });
    this.router[spec.method](expressPath, async (req: Request, res: Response, next: NextFunction) => {
      res.locals.route = `${API_BASE}${spec.path}`;
      let caller: Caller;
      try {
        await this.limiter.check(req);
        caller = await this.auth.authenticate(req);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401)
          return this.limiter.fail(req, res, next, error);
        return next(error);
      }
      const params = validate(spec.params ?? NoParams, req.params, 'params') as z.output<P>;
      authorize(spec, caller, params);
      const body = spec.body ? await readBody(jsonBody, spec.body, req, res) : undefined;
      const reply = await spec.handler({
        params,
        query: validate(spec.query ?? NoParams, req.query, 'query') as z.output<Q>,
        body: body as z.output<B>,
        ifMatch: spec.ifMatch ? parseIfMatch(req.get('if-match'), spec.ifMatch === 'required') : undefined,
        caller,
      });
      res.status(reply.status ?? 200).set(reply.headers ?? {});
      if (reply.body === undefined) res.end();
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
        ...(schema ? { content: { 'application/json': { schema } } } : {}),
      };
    }
    responses[400] ??= errorResponse('the request is not valid; `issues` names each field by its path');
    responses[401] ??= errorResponse('no API key, or not a valid one');
    responses[403] ??= errorResponse("the key's role or clients do not allow this");
    if (spec.body)
      responses[413] ??= errorResponse(`the body is over ${spec.bodyLimit ?? DEFAULT_BODY_LIMIT}`);
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

/** Runs body-parser for one route (after authorisation: nobody unauthorised gets 8 MB parsed), then the schema. */
function readBody<B extends z.ZodType>(
  parser: express.RequestHandler,
  schema: B,
  req: Request,
  res: Response,
): Promise<z.output<B>> {
  return new Promise((resolve, reject) => {
    parser(req, res, (error?: unknown) => {
      if (error) return reject(error);
      if (req.body === undefined) {
        return reject(new ApiError(415, 'unsupported_media_type', 'send the body as application/json'));
      }
      try {
        resolve(validate(schema, req.body, 'body'));
      } catch (validationError) {
        reject(validationError);
      }
    });
  });
}
