import { InputError } from '../../engine/errors/index.ts';
import { readJsonFile } from '../../engine/loader/index.ts';
import type { PluginManifest } from '../../plugins/sdk/index.ts';
import { hostOptionsFor, PluginHost } from '../../sandbox/index.ts';

/**
 * A one-worker host sized for these plugins, with the tables published. The caller closes it, or the
 * worker process would keep the CLI alive.
 */
export function openHost(manifests: readonly PluginManifest[], tables: readonly string[] = []): PluginHost {
  const { options, capped } = hostOptionsFor(manifests);
  for (const line of capped) process.stderr.write(`warning: ${line}\n`);
  const host = new PluginHost({ workers: 1, ...options });
  for (const spec of tables) {
    const { name, entries } = readTable(spec);
    host.publishTable(name, entries);
  }
  return host;
}

/** `--table stock=stock.json`: a JSON object of key → value plugins read with `ctx.lookup(name, key)`. */
function readTable(spec: string): { name: string; entries: Record<string, unknown> } {
  const eq = spec.indexOf('=');
  const name = spec.slice(0, eq);
  if (eq < 1 || eq === spec.length - 1) {
    throw new InputError('table_invalid', `--table ${spec}: use name=file.json`, { field: '--table' });
  }
  const entries = readJsonFile(spec.slice(eq + 1));
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) {
    throw new InputError(
      'table_invalid',
      `--table ${name}: the file must hold one JSON object of key → value`,
      {
        field: spec.slice(eq + 1),
      },
    );
  }
  return { name, entries: entries as Record<string, unknown> };
}
