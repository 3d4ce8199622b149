import { readFileSync } from 'node:fs';
import { InputError } from '../../engine/errors/index.ts';
import { CliExit, EXIT } from '../exit.ts';
import { ServerClient, ServerRefusedError } from './server-client.ts';

export interface PluginPublishOptions {
  client: string;
  server?: string;
  key?: string;
  note?: string;
}

interface Created {
  pluginId: string;
  version: string;
  kind: string;
  created: boolean;
  warnings: string[];
}

/** The server names an upload plugin.ts; the developer knows it by its own path. */
const atFile = (line: string, file: string) => line.replace(/^plugin\.ts/, file);

/**
 * `ordergraph plugin publish <file.plugin.ts>`: uploads the source to a server, which builds it, reads
 * its manifest and stores it as an immutable version of the client's plugin. The server and key come
 * from the options, else ORDERGRAPH_SERVER and ORDERGRAPH_KEY (a key need not sit in shell history).
 * Exit 1 when the server refuses the plugin (build errors at file:line:column, the version taken by
 * other code), 2 when the request cannot be made.
 */
export async function pluginPublishCommand(file: string, options: PluginPublishOptions): Promise<void> {
  const server = options.server ?? process.env.ORDERGRAPH_SERVER;
  const key = options.key ?? process.env.ORDERGRAPH_KEY;
  if (!server)
    throw new InputError('usage', 'name the server: --server http://host:3000 (or ORDERGRAPH_SERVER)');
  if (!key) throw new InputError('usage', 'give an API key: --key … (or ORDERGRAPH_KEY)');
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError('file_unreadable', `${file}: ${reason}`);
  }
  let created: Created;
  try {
    created = await new ServerClient(server, key).json<Created>(
      `/clients/${encodeURIComponent(options.client)}/plugins`,
      { method: 'POST', json: { source, ...(options.note === undefined ? {} : { note: options.note }) } },
    );
  } catch (error) {
    if (!(error instanceof ServerRefusedError)) throw error;
    if (error.status === 0) throw new InputError('server_unreachable', error.message);
    const issues = Array.isArray(error.details.issues) ? (error.details.issues as { at?: unknown }[]) : [];
    const located = issues.map((i) => i.at).filter((at): at is string => typeof at === 'string');
    if (located.length > 0) for (const at of located) process.stderr.write(`${atFile(at, file)}\n`);
    else process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    throw new CliExit(error.status === 422 || error.status === 409 ? EXIT.invalid : EXIT.badInput);
  }
  for (const warning of created.warnings) process.stderr.write(`warning: ${atFile(warning, file)}\n`);
  const what = `${created.kind} plugin ${created.pluginId}@${created.version}`;
  process.stdout.write(
    created.created
      ? `published ${what} to client "${options.client}"\n`
      : `${what} is already published to client "${options.client}" with this very source; nothing changed\n`,
  );
}
