import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli.ts';

const root = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'ordergraph-generate-'));

function ordergraph(args: string[]) {
  return runCli(['generate', ...args], { cwd: root });
}

describe('ordergraph generate', () => {
  it('writes --count raw orders to standard output with nothing on stderr', () => {
    const { code, stdout, stderr } = ordergraph(['--client', 'demo', '--count', '25', '--seed', '9']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(25);
    expect(() => lines.map((l) => JSON.parse(l))).not.toThrow();
  });

  it('writes the same orders to --out and reports what it wrote on stderr', () => {
    const out = join(tmp, 'orders.ndjson');
    const { code, stderr } = ordergraph(['--client', 'demo', '--count', '25', '--seed', '9', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/generate: wrote 25 of 25 orders in [\d.]+ s \([\d,]+ orders\/s\) to /);
    expect(readFileSync(out, 'utf8')).toBe(
      ordergraph(['--client', 'demo', '--count', '25', '--seed', '9']).stdout,
    );
  });

  it('exits 2 naming the sample clients when the client is unknown', () => {
    const { code, stderr } = ordergraph(['--client', 'acme', '--count', '5']);
    expect(code).toBe(2);
    expect(stderr).toContain('no client "acme": name one under samples/clients/ (demo');
  });

  it.each([
    [
      ['--count', '0'],
      "option '--count <n>' argument '0' is invalid. use a whole number of orders, 1 or more",
    ],
    [['--count', '2.5'], 'use a whole number of orders'],
    [
      ['--count', '5', '--platform-mix', 'tmall=0.6,jd=abc'],
      'the weight of jd, "abc", is not a non-negative number',
    ],
    [['--count', '5', '--platform-mix', 'tmall=1,pdd=1'], '"pdd" is not a platform we generate'],
  ])('exits 2 for %j with a clear message', (args, message) => {
    const { code, stderr } = ordergraph(['--client', 'demo', ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
