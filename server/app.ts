import { randomUUID } from 'node:crypto';
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { EngineName } from '../engine/runtime/index.ts';
import { AuthFailureLimiter } from './auth/auth-failure-limiter.ts';
import { Authenticator } from './auth/authenticate.ts';
import { errorHandler, notFoundHandler } from './errors/error-handler.ts';
import { ApiBuilder } from './http/api-builder.ts';
import type { RequestLimits } from './http/body-limits.ts';
import { InProcessStates } from './live-state/in-process-state.ts';
import type { LiveStates } from './live-state/live-state.ts';
import type { Logger } from './logger.ts';
import { httpMetrics } from './metrics/http-metrics.ts';
import type { Metrics } from './metrics/metrics.ts';
import { API_BASE, openApiDocument, registerSecurity } from './openapi/document.ts';
import { PluginRegistry } from './plugins/plugin-registry.ts';
import type { ApiModule } from './routes/api-context.ts';
import { API_MODULES } from './routes/index.ts';
import { EvaluationService } from './services/evaluation.ts';
import type { ShadowDefinitions } from './shadow/shadow-definitions.ts';
import type { ShadowFeed } from './shadow/shadow-feed.ts';
import { type ShadowPlugins, ShadowService } from './shadow/shadow-service.ts';
import type { SimulationServices } from './simulation/simulation-services.ts';
import type { Store } from './store/store.ts';

export interface AppOptions {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  engine: EngineName;
  /** Failed authentications an address may make per 15 minutes before it gets 429. */
  authFailureLimit: number;
  maxBatch: number;
  /** What a request body may hold beyond its byte size: graph nodes and edges, nesting, string sizes. */
  limits: RequestLimits;
  /** Express's `trust proxy`: set it behind a load balancer so rate limits see the client's address. */
  trustProxy: boolean | number | string;
  /**
   * Whatever else the deployment serves (the editor's built files): mounted after the API, so no
   * page path can shadow a route, and before the JSON 404. Given by the composition root, so the
   * server knows nothing of what it serves.
   */
  assets?: RequestHandler;
  /** Each client's plugins and the sandbox pool they run in; without it the server runs no plugins. */
  plugins?: PluginRegistry;
  /** Made by `startServer`, which drains it when stopping; a fresh one otherwise. */
  evaluation?: EvaluationService;
  /** Where client state lives, for /healthz (the evaluation service was given the same). */
  states?: LiveStates;
  /** History uploads and simulation jobs, started (and closed) by `startServer`; none in an evaluator. */
  simulations?: SimulationServices;
  /** The API's resources; every one unless given (an evaluator serves evaluate only). */
  modules?: readonly ApiModule[];
  /** Shadow releases beside `evaluation`'s live decisions, closed by `startServer`; a fresh one otherwise. */
  shadows?: ShadowService;
}

/** The express application: health and metrics, the OpenAPI document, API v1, and one error handler. */
export function createApp(options: AppOptions): Express {
  const { store, logger, metrics } = options;
  const app = express();
  app.set('etag', false); // ETags are revisions, set by the routes that have them.
  app.set('trust proxy', options.trustProxy);
  app.use((_req, res, next) => {
    res.locals.requestId = randomUUID();
    res.set('X-Request-Id', res.locals.requestId);
    next();
  });
  app.use(httpMetrics(metrics));
  app.use(helmet());

  app.get('/healthz', async (_req, res) => {
    res.locals.route = '/healthz';
    const state = options.states?.kind ?? 'memory';
    const [stored, shared] = await Promise.allSettled([store.ping(), options.states?.ping()]);
    const ok = stored.status === 'fulfilled' && shared.status === 'fulfilled';
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      store: store.kind,
      state,
      ...(ok
        ? {}
        : {
            unavailable: [
              ...(stored.status === 'rejected' ? ['store'] : []),
              ...(shared.status === 'rejected' ? ['state'] : []),
            ],
          }),
    });
  });
  app.get('/metrics', async (_req, res) => {
    res.locals.route = '/metrics';
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const registry = new OpenAPIRegistry();
  registerSecurity(registry);
  const auth = new Authenticator(store.keys);
  const api = new ApiBuilder(registry, auth, new AuthFailureLimiter(options.authFailureLimit), {
    maxJsonDepth: options.limits.maxJsonDepth,
  });
  const plugins = options.plugins ?? new PluginRegistry(store, undefined);
  const evaluation =
    options.evaluation ??
    new EvaluationService(store, options.engine, metrics, plugins, new InProcessStates(store));
  const shadows = options.shadows ?? watchLive(evaluation, options.engine, store, logger);
  const context = {
    store,
    auth,
    plugins,
    evaluation,
    shadows,
    maxBatch: options.maxBatch,
    limits: options.limits,
    simulations: options.simulations,
  };
  for (const register of options.modules ?? API_MODULES) register(api, context);
  const document = openApiDocument(registry);
  app.get(`${API_BASE}/openapi.json`, (_req, res) => {
    res.locals.route = `${API_BASE}/openapi.json`;
    res.json(document);
  });
  app.use(API_BASE, api.router);
  if (options.assets) app.use(options.assets);

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}

/** Shadow releases fed by this evaluation service's live decisions. */
export function watchLive(
  evaluation: EvaluationService,
  engine: EngineName,
  store: Store,
  logger: Logger,
  cpuShare?: number,
  pluginPipeline?: ShadowPlugins,
  definitions?: ShadowDefinitions,
  feed?: ShadowFeed,
): ShadowService {
  const shadows = new ShadowService({
    store,
    evaluation,
    engine,
    logger,
    ...(cpuShare ? { cpuShare } : {}),
    ...(pluginPipeline ? { pluginPipeline } : {}),
    ...(definitions ? { definitions } : {}),
    ...(feed ? { feed } : {}),
  });
  evaluation.onLiveDecision = shadows.observe;
  evaluation.onStateReplaced = shadows.stateReplaced;
  return shadows;
}
