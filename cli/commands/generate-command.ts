import { type Command, InvalidArgumentError } from 'commander';
import { InputError } from '../../engine/errors/index.ts';
import { DEFAULT_MIX, type PlatformMix, parsePlatformMix } from '../../engine/generate/platform-mix.ts';
import type { GenerateCommandOptions } from './generate.ts';

/** `ordergraph generate`: its options, their checks and help; the generator loads when it runs. */
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
    .action(async (options: GenerateCommandOptions) =>
      (await import('./generate.ts')).generateCommand(options),
    );
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
