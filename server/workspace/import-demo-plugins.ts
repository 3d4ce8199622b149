import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StrategySchema } from '../../engine/graph/schema.ts';
import { readJsonFile, strategyFiles } from '../../engine/loader/index.ts';
import { ApiError } from '../errors/api-error.ts';
import type { Logger } from '../logger.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { publish } from '../services/publishing.ts';
import { cutVersion } from '../services/versioning.ts';
import type { ReleaseEntry } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { IMPORTER, importNote } from './import-demo.ts';

export interface DemoPluginsImport {
  /** `id@version` of each sample plugin installed. */
  plugins: string[];
  /** The release that put the strategies using them live. */
  release: number | undefined;
}

const PLUGIN_SOURCE = '.plugin.ts';

/**
 * Right after the demo client's first import: installs the sample plugins (built like any upload) and
 * publishes the sample strategies that call them, so a fresh `npm start` has a live plugin in its
 * pipeline. A sample that does not build or compile is logged and left out; the server starts anyway.
 */
export async function importDemoPlugins(
  store: Store,
  registry: PluginRegistry,
  dirs: { plugins: string; strategies: string },
  clientId: string,
  logger: Logger,
): Promise<DemoPluginsImport> {
  const plugins: string[] = [];
  const sources = readdirSync(dirs.plugins, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(PLUGIN_SOURCE))
    .sort();
  for (const name of sources) {
    try {
      const { record } = await registry.upload(
        clientId,
        await readFile(join(dirs.plugins, name), 'utf8'),
        `sample plugin ${name}`,
        IMPORTER,
      );
      plugins.push(`${record.pluginId}@${record.version}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      logger.warn('demo import: a sample plugin was not installed', { file: name, problem: error.message });
    }
  }
  const manifests = await registry.manifests(clientId);
  const entries: ReleaseEntry[] = [];
  for (const file of strategyFiles(dirs.strategies)) {
    const strategy = StrategySchema.parse(readJsonFile(file));
    try {
      await store.strategies.create({ ...strategy, clientId }, IMPORTER);
      const version = await cutVersion(
        store,
        clientId,
        strategy.id,
        { note: importNote(dirs.strategies, file) },
        IMPORTER,
        manifests,
      );
      entries.push({ strategyId: strategy.id, version: version.version });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      logger.warn('demo import: a sample plugin strategy does not compile; left as a draft', {
        file,
        problem: error.message,
      });
    }
  }
  const release =
    entries.length > 0
      ? await publish(
          store,
          clientId,
          { strategies: entries, mode: 'merge', note: 'demo import: sample plugins' },
          IMPORTER,
          registry,
        )
      : undefined;
  return { plugins, release: release?.release };
}
