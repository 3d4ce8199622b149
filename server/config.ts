import { resolve } from 'node:path';
import { z } from 'zod';
import { describeZodIssues, InputError } from '../engine/errors/index.ts';
import { ENGINE_NAMES, type EngineName } from '../engine/runtime/index.ts';
import type { RequestLimits } from './http/body-limits.ts';

export interface ServerConfig {
  /** 0 picks a free port (tests, benchmarks). */
  port: number;
  /** Interface to listen on; all of them when not set. */
  host: string | undefined;
  /** The embedded workspace, unless `mongodbUri` is set. */
  dataDir: string;
  /** A workspace lock not renewed for this long belongs to a dead server and is taken over. */
  lockStaleMs: number;
  mongodbUri: string | undefined;
  /**
   * Counters, stock, buyers and seen orders shared in Redis by every evaluator; when not set, shared in
   * MongoDB (a replica set) when `mongodbUri` is, else this process's memory (rebuilt from the store's log).
   */
  redisUrl: string | undefined;
  /** Becomes an admin key (stored hashed) instead of a generated one. */
  adminKey: string | undefined;
  engine: EngineName;
  authFailureLimit: number;
  maxBatch: number;
  /** Nodes, edges, nesting and string sizes a request body may have. */
  limits: RequestLimits;
  trustProxy: boolean | number | string;
  /** On SIGTERM or SIGINT, how long requests in flight (and queued behind them) may take to finish before their connections are cut. */
  shutdownGraceMs: number;
  /** The sample client imported into an empty store on first start. */
  demoDir: string;
  /** With plugins: sample plugin sources installed into the demo client on its first import … */
  demoPluginsDir: string;
  /** … and the sample strategies calling them, published after it. */
  demoPluginStrategiesDir: string;
  /** The sandbox pool customer plugins run in (see sandbox/README.md). */
  plugins: {
    workers: number;
    /** CPU budget of one order in a plugin: an order over it is held `plugin_timeout`, alone. */
    callTimeoutMs: number;
    memoryLimitMb: number;
    /** How long an uploaded plugin's build (esbuild, then its manifest read in an isolate) may take. */
    buildTimeoutMs: number;
  };
  /** Simulation as a service: uploaded histories and simulation jobs. */
  simulations: SimulationConfig;
  /**
   * Share of one core a shadow release's thread may use (it sleeps to stay under it; orders beyond what
   * it keeps up with are counted as dropped). Lower it when evaluate has no spare core to lend.
   */
  shadowCpuShare?: number;
}

export interface SimulationConfig {
  /** Largest history upload, in bytes after gunzip (413 over it). */
  maxHistoryBytes: number;
  /** Uploads up to this size are read before the answer (201 with counts); bigger ones answer 202 and are read after. */
  syncReadBytes: number;
  /** Threads a job reads its history with; each pipeline decides on one more. Default: the cores. */
  workers: number | undefined;
  /** With REDIS_URL, whether this server also runs jobs off the queue (SIMULATION_WORKER=off: only `ordergraph worker`s do); default on. */
  worker?: boolean;
}

const SAMPLES_DEMO = new URL('../samples/clients/demo/', import.meta.url).pathname;
const SAMPLE_PLUGINS = new URL('../plugins/samples/', import.meta.url).pathname;
const SAMPLE_PLUGIN_STRATEGIES = new URL('../samples/plugin-demo/', import.meta.url).pathname;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  // The holder renews its lock every quarter of this; a restart after a crash waits up to this long.
  WORKSPACE_LOCK_STALE_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  ORDERGRAPH_ADMIN_KEY: z.string().min(24, 'must be at least 24 characters: it guards everything').optional(),
  ORDERGRAPH_ENGINE: z.enum(ENGINE_NAMES).default('compiled'),
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(30),
  MAX_BATCH: z.coerce.number().int().min(1).max(10_000).default(1000),
  // Sized for OMS strategies (the demo's biggest has 43 nodes, nests 9 deep, its longest string is
  // 499 characters) with room to spare; compiling the biggest graph allowed stays well under 100 ms.
  MAX_GRAPH_NODES: z.coerce.number().int().min(2).max(100_000).default(2000),
  MAX_GRAPH_EDGES: z.coerce.number().int().min(1).max(200_000).default(4000),
  // Far below the depth where JSON.stringify, zod or the compiler would run out of stack.
  MAX_JSON_DEPTH: z.coerce.number().int().min(8).max(1000).default(64),
  MAX_STRING_LENGTH: z.coerce.number().int().min(128).default(10_000),
  TRUST_PROXY: z.string().optional(),
  // Long enough to drain a full queue of batches: cutting a connection after its decisions were recorded
  // makes the OMS retry them (answered from the audit log, but slower and noisier).
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  PLUGIN_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  PLUGIN_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(50),
  PLUGIN_MEMORY_MB: z.coerce.number().int().min(8).max(4096).default(64),
  PLUGIN_BUILD_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  MAX_HISTORY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 ** 3),
  SIMULATION_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  SHADOW_CPU_SHARE: z.coerce.number().min(0.01).max(1).optional(),
  SIMULATION_WORKER: z.enum(['on', 'off']).default('on'),
});

export interface ConfigOverrides {
  port?: string;
  dataDir?: string;
  engine?: EngineName;
}

/** The server's settings from the environment (command-line options win), or an InputError naming the variable. */
export function configFromEnv(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): ServerConfig {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const parsed = EnvSchema.safeParse({
    ...blankToUndefined,
    ...(overrides.port !== undefined ? { PORT: overrides.port } : {}),
    ...(overrides.dataDir !== undefined ? { DATA_DIR: overrides.dataDir } : {}),
    ...(overrides.engine !== undefined ? { ORDERGRAPH_ENGINE: overrides.engine } : {}),
  });
  if (!parsed.success) {
    const [first] = describeZodIssues(parsed.error);
    throw new InputError('config_invalid', `${first?.field}: ${first?.message}`, { field: first?.field });
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    lockStaleMs: e.WORKSPACE_LOCK_STALE_MS,
    mongodbUri: e.MONGODB_URI,
    redisUrl: e.REDIS_URL,
    adminKey: e.ORDERGRAPH_ADMIN_KEY,
    engine: e.ORDERGRAPH_ENGINE,
    authFailureLimit: e.AUTH_FAILURE_LIMIT,
    maxBatch: e.MAX_BATCH,
    limits: {
      maxGraphNodes: e.MAX_GRAPH_NODES,
      maxGraphEdges: e.MAX_GRAPH_EDGES,
      maxJsonDepth: e.MAX_JSON_DEPTH,
      maxStringLength: e.MAX_STRING_LENGTH,
    },
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    demoDir: SAMPLES_DEMO,
    demoPluginsDir: SAMPLE_PLUGINS,
    demoPluginStrategiesDir: SAMPLE_PLUGIN_STRATEGIES,
    plugins: {
      workers: e.PLUGIN_WORKERS,
      callTimeoutMs: e.PLUGIN_TIMEOUT_MS,
      memoryLimitMb: e.PLUGIN_MEMORY_MB,
      buildTimeoutMs: e.PLUGIN_BUILD_TIMEOUT_MS,
    },
    simulations: {
      maxHistoryBytes: e.MAX_HISTORY_BYTES,
      syncReadBytes: 64 * 1024 ** 2,
      workers: e.SIMULATION_WORKERS,
      worker: e.SIMULATION_WORKER === 'on',
    },
    ...(e.SHADOW_CPU_SHARE === undefined ? {} : { shadowCpuShare: e.SHADOW_CPU_SHARE }),
  };
}

/** "true"/"false", a hop count, or express's own list of addresses and subnets. */
function trustProxyOf(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
