import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The server's Prometheus metrics, on a registry of its own so two servers in one process (tests) do not clash. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  evaluations: Counter<'status' | 'mode'>;
  pluginCalls: Counter<'plugin'>;
  pluginFailures: Counter<'plugin' | 'reason'>;
  pluginDuration: Histogram<'plugin'>;
  pluginWorkerRestarts: Counter<'plugin'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'ordergraph_http_requests_total',
      help: 'HTTP requests answered, by route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'ordergraph_http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by route template',
      labelNames: ['method', 'route'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    evaluations: new Counter({
      name: 'ordergraph_evaluations_total',
      help: 'Orders decided, by decision status (invalid: the order could not be read) and mode (live or dry)',
      labelNames: ['status', 'mode'],
      registers: [registry],
    }),
    pluginCalls: new Counter({
      name: 'ordergraph_plugin_calls_total',
      help: 'Orders passed to a plugin, by plugin id@version',
      labelNames: ['plugin'],
      registers: [registry],
    }),
    pluginFailures: new Counter({
      name: 'ordergraph_plugin_failures_total',
      help: 'Plugin results that failed (the order is held), by plugin and reason (plugin_timeout, plugin_memory, …)',
      labelNames: ['plugin', 'reason'],
      registers: [registry],
    }),
    pluginDuration: new Histogram({
      name: 'ordergraph_plugin_call_duration_seconds',
      help: 'Time of one sandbox round trip (a batch of orders) per plugin',
      labelNames: ['plugin'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
    pluginWorkerRestarts: new Counter({
      name: 'ordergraph_plugin_worker_restarts_total',
      help: 'Sandbox workers lost (crashed, killed by the watchdog) while running a batch of this plugin',
      labelNames: ['plugin'],
      registers: [registry],
    }),
  };
}
