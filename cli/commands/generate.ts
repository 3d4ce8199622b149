import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { type Client, parseClient } from '../../engine/client/index.ts';
import { InputError } from '../../engine/errors/index.ts';
import { generateOrders } from '../../engine/generate/generate-orders.ts';
import { DEFAULT_MIX, type PlatformMix, parsePlatformMix } from '../../engine/generate/platform-mix.ts';
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

/** `ordergraph generate`: its options, their checks and help. */
export function addGenerateCommand(program: Command): void {
  const defaultMix = Object.entries(DEFAULT_MIX)
    .map(([p, w]) => `${p}=${w}`)
    .join(',');
  program
    .command('generate')
    .description(
      'write realistic raw Tmall / Taobao, JD and Douyin orders for a client as NDJSON, the same for the same seed',
    )
    .requiredOption(
      '--client <name|path>',
      'a client under samples/clients/ (e.g. demo), or a path to a client.json',
    )
    .requiredOption('--count <n>', 'how many orders (NDJSON lines) to write', positiveInteger)
    .option('--seed <seed>', 'any text; the same seed writes the same orders', '1')
    .option(
      '--platform-mix <weights>',
      `platform=weight,... over tmall, taobao, jd, douyin (default ${defaultMix}, over the platforms the client has shops on)`,
      platformMix,
    )
    .option('--out <file>', 'write to this file, with progress on stderr (default: standard output)')
    .addHelpText(
      'after',
      [
        '',
        "Orders are double-11 2026 orders in each platform's raw shape (what `ordergraph run` and the adapters read),",
        "with SKUs from the client's catalogue, receivers across China (rural and remote ones too), remarks,",
        'unpaid, refunded, COD, presale and duplicate orders. Memory stays flat for any --count.',
        '',
        'Examples:',
        '  ordergraph generate --client demo --count 1000 --seed 42 > orders.ndjson',
        '  ordergraph generate --client demo --count 1000000 --platform-mix tmall=0.5,jd=0.3,douyin=0.2 --out big.ndjson',
      ].join('\n'),
    )
    .action((options: GenerateCommandOptions) => generateCommand(options));
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('use a whole number of orders, 1 or more');
  }
  return n;
}

function platformMix(value: string): PlatformMix {
  try {
    return parsePlatformMix(value);
  } catch (error) {
    if (error instanceof InputError)
      throw new InvalidArgumentError(error.message.replace(/^--platform-mix: /, ''));
    throw error;
  }
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
