import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors/index.ts';
import type { EngineName } from '../../engine/runtime/evaluator.ts';
import { readRuleSet, runRulesFile, runRulesOverNdjson } from './index.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

async function run(engine: EngineName, ndjson: string) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const errors: number[] = [];
  const summary = await runRulesOverNdjson({
    rules: await readRuleSet(fixture('routing.rules.json')),
    input: Readable.from([ndjson]),
    output,
    engine,
    onError: (_error, line) => errors.push(line),
  });
  return { text: Buffer.concat(chunks).toString('utf8'), summary, errors };
}

describe('runRulesOverNdjson', () => {
  it('writes one decision per order, in order, with bad lines reported and skipped', async () => {
    const { text, summary, errors } = await run('compiled', await readFile(fixture('orders.ndjson'), 'utf8'));
    // Equal priorities come out in json-rules-engine's order: the one-condition rule settles first.
    // Line 2's `platforms` is the text "jd,pdd", and `in` against text is a substring search.
    const carrier = { type: 'carrier', params: { carrier: 'SF' } };
    const route = { type: 'route', params: { warehouse: 'WH-HZ' } };
    const decisions = text.split('\n').filter(Boolean);
    expect(decisions.map((line) => JSON.parse(line))).toEqual([
      { line: 1, events: [carrier, route, { type: 'tag' }] },
      { line: 2, events: [{ type: 'hold', params: { reason: 'remote_area' } }, { type: 'tag' }] },
      { line: 4, error: 'rule evaluation failed' },
      { line: 5, error: 'not valid JSON' },
      { line: 6, error: 'not a JSON object of facts' },
      { line: 7, events: [carrier, route] },
    ]);
    expect(summary).toEqual({ lines: 7, decided: 3, errors: 3 });
    expect(errors).toEqual([4, 5, 6]);
  });

  it('writes byte-identical output with either engine', async () => {
    const orders = await readFile(fixture('orders.ndjson'), 'utf8');
    const compiled = await run('compiled', orders);
    const reference = await run('reference', orders);
    expect(reference.text).toBe(compiled.text);
    expect(reference.summary).toEqual(compiled.summary);
  });

  it('keeps deciding correctly after an order the reference engine fails on', async () => {
    const failing = '{"platform":"jd"}\n';
    const fine = '{"receiver":{"provinceCode":"33"},"amount":500,"platform":"jd","platforms":["jd"]}\n';
    const orders = `${failing}${fine}`.repeat(3);
    expect((await run('reference', orders)).text).toBe((await run('compiled', orders)).text);
  });

  it('ignores a byte-order mark and CRLF line ends', async () => {
    const { text } = await run(
      'compiled',
      '\ufeff{"amount":1,"platforms":[]}\r\n{"amount":2,"platforms":[]}\r\n',
    );
    expect(text).toBe('{"line":1,"events":[]}\n{"line":2,"events":[]}\n');
  });
});

describe('runRulesFile', () => {
  it('reads paths and writes the decisions file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ordergraph-run-'));
    try {
      const outPath = join(dir, 'decisions.ndjson');
      const summary = await runRulesFile({
        rulesPath: fixture('routing.rules.json'),
        ordersPath: fixture('orders.ndjson'),
        outPath,
        engine: 'reference',
      });
      expect(summary.lines).toBe(7);
      const orders = await readFile(fixture('orders.ndjson'), 'utf8');
      expect(await readFile(outPath, 'utf8')).toBe((await run('compiled', orders)).text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a rules file that is not rule JSON', async () => {
    await expect(readRuleSet(fixture('orders.ndjson'))).rejects.toBeInstanceOf(InputError);
  });

  it('fails, naming the file, on an orders file it cannot read', async () => {
    await expect(
      runRulesFile({
        rulesPath: fixture('routing.rules.json'),
        ordersPath: fixture('missing.ndjson'),
        engine: 'compiled',
      }),
    ).rejects.toThrow(/cannot read .*missing\.ndjson: no such file/);
  });
});
