import type { PluginManifest } from '../../plugins/sdk/index.ts';
import type { Client } from '../client/index.ts';

/** What a graph is compiled against: the client whose warehouses, carriers and SKUs it may name. */
export interface CompileContext {
  client?: Client;
  /** The plugin builds installed for the client; plugin nodes are checked against their manifests. */
  plugins?: readonly PluginManifest[];
}
