import { serveEditor } from '../../editor/serve-editor.ts';
import { InputError } from '../../engine/errors/index.ts';
import type { EngineName } from '../../engine/runtime/index.ts';
import { configFromEnv } from '../../server/config.ts';
import { startServer } from '../../server/start-server.ts';
import { pluginPipelineFactory } from '../simulate-plugins/plugin-pipeline.ts';
import { type EvaluatorCluster, startEvaluatorCluster } from './evaluator-cluster.ts';
import { serverPlugins } from './server-plugins.ts';

export interface ServeOptions {
  port?: string;
  dataDir?: string;
  engine?: EngineName;
  /** Evaluator processes to run beside this control server (node:cluster workers sharing one port). */
  evaluators?: number;
}

/**
 * Serves the REST API, and the built editor at `/`, until SIGINT or SIGTERM, then stops accepting
 * connections, finishes the requests in flight and queued (up to SHUTDOWN_GRACE_MS), flushes the
 * store and exits 0 (a second signal exits at once, with 1).
 */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const config = configFromEnv(process.env, options);
  if (options.evaluators && !config.redisUrl) {
    throw new InputError(
      'redis_required',
      '--evaluators shares counters, stock and seen orders between processes through Redis: set REDIS_URL',
      { field: 'REDIS_URL' },
    );
  }
  const server = await startServer(config, {
    assets: serveEditor(),
    plugins: serverPlugins(config.plugins),
    simulationPlugins: pluginPipelineFactory,
  });
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`Ordergraph API on ${server.url}  (store: ${server.store.kind}, ${server.store.location})`);
  out(
    `  OpenAPI: ${server.url}/api/v1/openapi.json   health: ${server.url}/healthz   metrics: ${server.url}/metrics`,
  );
  if (server.demo) {
    out(
      `  imported client "${server.demo.clientId}": ${server.demo.strategies} strategies, published as release ${server.demo.release ?? '(none)'}`,
    );
    const plugins = server.demo.plugins;
    if (plugins) {
      out(
        `  installed sample plugins ${plugins.plugins.join(', ') || '(none)'}; release ${plugins.release ?? '(none)'} runs the strategies that call them`,
      );
    }
  }
  if (server.adminKey.source === 'generated') {
    out(`  admin API key (shown once, stored hashed): ${server.adminKey.key}`);
    out(`  try: curl -H "Authorization: Bearer ${server.adminKey.key}" ${server.url}/api/v1/clients`);
  } else if (server.adminKey.source === 'environment') {
    out('  admin API key: ORDERGRAPH_ADMIN_KEY');
  } else {
    out('  admin API key: the one printed at first start (or set ORDERGRAPH_ADMIN_KEY)');
  }

  let evaluators: EvaluatorCluster | undefined;
  if (options.evaluators) {
    const port = evaluatorPort(config.port);
    try {
      evaluators = await startEvaluatorCluster(options.evaluators, { port, host: config.host }, out);
    } catch (error) {
      await server.close();
      throw error;
    }
    out(
      `  ${options.evaluators} evaluators on ${evaluators.url}  (POST /api/v1/clients/{clientId}/evaluate)`,
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    out(`${signal}: finishing requests in flight, then stopping`);
    Promise.all([evaluators?.close(), server.close()]).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** EVALUATOR_PORT, else the one after the control server's (0, a free port, stays 0). */
function evaluatorPort(controlPort: number): number {
  const given = process.env.EVALUATOR_PORT;
  if (given !== undefined && given !== '') {
    const port = Number(given);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new InputError('config_invalid', 'EVALUATOR_PORT: use a port number from 0 to 65535', {
        field: 'EVALUATOR_PORT',
      });
    }
    return port;
  }
  return controlPort === 0 ? 0 : controlPort + 1;
}
