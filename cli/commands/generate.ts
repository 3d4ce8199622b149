import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Client, parseClient } from '../../engine/client/index.ts';
import { InputError } from '../../engine/errors/index.ts';
import { generateOrders } from '../../engine/generate/generate-orders.ts';
import type { PlatformMix } from '../../engine/generate/platform-mix.ts';
import { CLIENT_FILE, readJsonFile } from '../../engine/loader/index.ts';
import { type Progress, writeNdjson } from '../../engine/loader/write-ndjson.ts';

const SAMPLE_CLIENTS = new URL('../../samples/clients/', import.meta.url).pathname;
const PROGRESS_EVERY_MS = 2000;

export interface GenerateCommandOptions {
  client: string;
  count: number;
  seed: string;
  platformMix?: PlatformMix;
  out?: string;
}

/** Writes generated raw orders as NDJSON to standard output, or to a file with progress on stderr. */
export async function generateCommand(options: GenerateCommandOptions): Promise<void> {
  const client = loadClient(options.client);
  const orders = generateOrders({
    client,
    count: options.count,
    seed: options.seed,
    mix: options.platformMix,
  });
  const progress: Progress = { written: 0 };
  const started = performance.now();
  if (!options.out || options.out === '-') {
    await toStandardOutput(orders, progress);
    return;
  }
  const timer = setInterval(
    () => process.stderr.write(`generate: ${line(progress.written, options.count, started)}\n`),
    PROGRESS_EVERY_MS,
  );
  try {
    await writeNdjson(orders, createWriteStream(options.out), progress);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code?.startsWith('E')) throw error;
    throw new InputError('file_unwritable', `cannot write ${options.out}: ${(error as Error).message}`, {
      field: options.out,
    });
  } finally {
    clearInterval(timer);
  }
  process.stderr.write(
    `generate: wrote ${line(progress.written, options.count, started)} to ${options.out}\n`,
  );
}

/** A reader that stops early (`| head`) closes the pipe; that ends the run, it is not a failure. */
async function toStandardOutput(orders: Iterable<unknown>, progress: Progress): Promise<void> {
  try {
    await writeNdjson(orders, process.stdout, progress);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}

function line(written: number, count: number, started: number): string {
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(written / Math.max(seconds, 0.001));
  return `${written.toLocaleString('en')} of ${count.toLocaleString('en')} orders in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} orders/s)`;
}

/** A client named under samples/clients/, or a path to a client folder or client.json. */
function loadClient(nameOrPath: string): Client {
  const candidates = [
    join(SAMPLE_CLIENTS, nameOrPath, CLIENT_FILE),
    join(nameOrPath, CLIENT_FILE),
    nameOrPath,
  ];
  const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
  if (!file) {
    const known = existsSync(SAMPLE_CLIENTS)
      ? readdirSync(SAMPLE_CLIENTS).filter((d) => existsSync(join(SAMPLE_CLIENTS, d, CLIENT_FILE)))
      : [];
    throw new InputError(
      'client_unknown',
      `no client "${nameOrPath}": name one under samples/clients/ (${known.join(', ') || 'there are none'}) or give a path to a ${CLIENT_FILE}`,
      { field: '--client' },
    );
  }
  return parseClient(readJsonFile(file), file);
}
