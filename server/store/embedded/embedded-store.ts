import type { Store } from '../store.ts';
import { EmbeddedAudit } from './embedded-audit.ts';
import { EmbeddedClients } from './embedded-clients.ts';
import { EmbeddedKeys } from './embedded-keys.ts';
import { EmbeddedPluginDrafts } from './embedded-plugin-drafts.ts';
import { EmbeddedPlugins } from './embedded-plugins.ts';
import { EmbeddedReleases } from './embedded-releases.ts';
import { embeddedSimulationStores } from './embedded-simulation-stores.ts';
import { EmbeddedState } from './embedded-state.ts';
import { EmbeddedStrategies } from './embedded-strategies.ts';
import { EmbeddedVersions } from './embedded-versions.ts';
import { Workspace } from './workspace.ts';
import type { LockOptions } from './workspace-lock.ts';

/** The default store: a workspace folder of JSON documents and NDJSON logs. */
export async function openEmbeddedStore(
  dataDir: string,
  lock: LockOptions = {},
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<Store> {
  // Read-only: an evaluator beside the control server that holds the workspace and its lock.
  const ws = readOnly ? await Workspace.openReadOnly(dataDir) : await Workspace.open(dataDir, lock);
  const audit = new EmbeddedAudit(ws);
  return {
    kind: 'embedded',
    location: ws.dir,
    clients: new EmbeddedClients(ws),
    strategies: new EmbeddedStrategies(ws),
    versions: new EmbeddedVersions(ws),
    releases: new EmbeddedReleases(ws),
    audit,
    state: new EmbeddedState(ws),
    keys: new EmbeddedKeys(ws),
    plugins: new EmbeddedPlugins(ws),
    pluginDrafts: new EmbeddedPluginDrafts(ws),
    ...embeddedSimulationStores(ws),
    documents: {
      onChange: (listener) => {
        ws.onChange = listener;
      },
      forget: () => ws.forget(),
    },
    // Unhealthy once another server took the workspace over: an orchestrator restarts this one.
    ping: () => ws.ping(),
    close: async () => {
      await audit.close().catch(() => undefined); // a missed checkpoint costs the next start a short scan
      await ws.close();
    },
  };
}
