import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Client, parseClient } from '../../engine/client/index.ts';
import { StrategySchema } from '../../engine/graph/schema.ts';
import { CLIENT_FILE, readJsonFile, strategyFiles } from '../../engine/loader/index.ts';
import { ApiError } from '../errors/api-error.ts';
import type { Logger } from '../logger.ts';
import { publish } from '../services/publishing.ts';
import { cutVersion } from '../services/versioning.ts';
import { AlreadyExistsError } from '../store/errors.ts';
import type { ReleaseEntry } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import type { DemoPluginsImport } from './import-demo-plugins.ts';

export const IMPORTER = 'ordergraph (demo import)';

/**
 * A version's note names its file relative to the demo folder (`strategies/x.strategy.json`): the
 * note is served to every caller, and the server's own path on disk is none of theirs.
 */
export function importNote(demoDir: string, file: string): string {
  return `imported from ${relative(demoDir, file).split(sep).join('/')}`;
}

export interface DemoImport {
  clientId: string;
  strategies: number;
  release: number | undefined;
  /** With plugins enabled: the sample plugins installed and the release that uses them. */
  plugins?: DemoPluginsImport;
}

/**
 * On first start, loads the sample client (its `client.json` when there is one, else a client with
 * no master data) and its strategies as drafts, cuts a version of each and publishes them all.
 * Runs again after a start that crashed half-way (the demo client exists, untouched, unpublished);
 * never once the workspace holds anything else.
 */
export async function importDemoClient(
  store: Store,
  demoDir: string,
  logger: Logger,
): Promise<DemoImport | undefined> {
  const clients = await store.clients.list();
  const imported = clients.find((c) => c.updatedBy === IMPORTER && c.revision === 1);
  const unfinished = imported !== undefined && !(await store.releases.live(imported.clientId));
  if (clients.length > 0 && !unfinished) return undefined;
  const client = imported?.client ?? demoClient(demoDir);
  if (!imported) await store.clients.create(client, IMPORTER);

  const published: ReleaseEntry[] = [];
  for (const file of strategyFiles(join(demoDir, 'strategies'))) {
    const parsed = StrategySchema.safeParse(readJsonFile(file));
    if (!parsed.success || parsed.data.clientId !== client.id) {
      logger.warn('demo import: skipped a strategy file that is not a strategy of the demo client', { file });
      continue;
    }
    const strategy = parsed.data;
    await store.strategies.create(strategy, IMPORTER).catch((error: unknown) => {
      if (!(error instanceof AlreadyExistsError)) throw error;
    });
    const [latest] = await store.versions.list(client.id, strategy.id);
    try {
      const version =
        latest?.version ??
        (await cutVersion(store, client.id, strategy.id, { note: importNote(demoDir, file) }, IMPORTER))
          .version;
      published.push({ strategyId: strategy.id, version });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      logger.warn('demo import: a strategy does not compile; left as a draft', {
        file,
        problem: error.message,
      });
    }
  }
  const release =
    published.length > 0
      ? await publish(
          store,
          client.id,
          { strategies: published, mode: 'replace', note: 'demo import' },
          IMPORTER,
        )
      : undefined;
  return { clientId: client.id, strategies: published.length, release: release?.release };
}

/** `client.json` beside the strategies, or, while it does not exist yet, a client with no master data. */
function demoClient(demoDir: string): Client {
  const file = join(demoDir, CLIENT_FILE);
  if (existsSync(file)) return parseClient(readJsonFile(file), file);
  return {
    formatVersion: 1,
    id: 'demo',
    name: 'Demo client',
    shops: [],
    warehouses: [],
    carriers: [],
    skus: [],
  };
}
