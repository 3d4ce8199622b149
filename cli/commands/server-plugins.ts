import { buildPlugin } from '../../plugins/build/index.ts';
import { PluginHost } from '../../sandbox/index.ts';
import type { ServerConfig } from '../../server/config.ts';
import type { ServerPlugins } from '../../server/plugins/server-plugins.ts';

/**
 * The server's plugin runtime: one supervised sandbox pool for every client's plugins (worker
 * processes holding isolates, restarted when a plugin kills one), and the build that reads an upload's
 * manifest in a throwaway isolate of that same pool.
 */
export function serverPlugins(config: ServerConfig['plugins']): ServerPlugins {
  const host = new PluginHost({
    workers: config.workers,
    callTimeoutMs: config.callTimeoutMs,
    memoryLimitMb: config.memoryLimitMb,
  });
  return {
    runner: host,
    build: (source, filename) => buildPlugin(source, filename, host),
    close: () => host.close(),
  };
}
