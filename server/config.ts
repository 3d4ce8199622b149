import { resolve } from 'node:path';
import { z } from 'zod';
import { describeZodIssues, InputError } from '../engine/errors/index.ts';
import { ENGINE_NAMES, type EngineName } from '../engine/runtime/index.ts';

export interface ServerConfig {
  /** 0 picks a free port (tests, benchmarks). */
  port: number;
  /** Interface to listen on; all of them when not set. */
  host: string | undefined;
  /** The embedded workspace, unless `mongodbUri` is set. */
  dataDir: string;
  mongodbUri: string | undefined;
  /** Becomes an admin key (stored hashed) instead of a generated one. */
  adminKey: string | undefined;
  engine: EngineName;
  authFailureLimit: number;
  maxBatch: number;
  trustProxy: boolean | number | string;
  /** The sample client imported into an empty store on first start. */
  demoDir: string;
}

const SAMPLES_DEMO = new URL('../samples/clients/demo/', import.meta.url).pathname;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  ORDERGRAPH_ADMIN_KEY: z.string().min(24, 'must be at least 24 characters: it guards everything').optional(),
  ORDERGRAPH_ENGINE: z.enum(ENGINE_NAMES).default('compiled'),
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(30),
  MAX_BATCH: z.coerce.number().int().min(1).max(10_000).default(1000),
  TRUST_PROXY: z.string().optional(),
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
    mongodbUri: e.MONGODB_URI,
    adminKey: e.ORDERGRAPH_ADMIN_KEY,
    engine: e.ORDERGRAPH_ENGINE,
    authFailureLimit: e.AUTH_FAILURE_LIMIT,
    maxBatch: e.MAX_BATCH,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    demoDir: SAMPLES_DEMO,
  };
}

/** "true"/"false", a hop count, or express's own list of addresses and subnets. */
function trustProxyOf(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
