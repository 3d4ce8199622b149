import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli.ts';

const root = new URL('../../', import.meta.url).pathname;
const strategies = join(root, 'samples/clients/demo/strategies');
const trade = join(root, 'engine/order/adapters/fixtures/tmall-top-numeric-ids.json');

function ordergraph(args: string[], input?: string) {
  return runCli(args, { cwd: root, input });
}

describe('ordergraph run on a raw TOP trade with numeric 19-digit ids', () => {
  it('decides it with every digit of the tid kept', () => {
    expect(readFileSync(trade, 'utf8')).toContain('"tid": 3456789012345678901,');
    const { code, stdout, stderr } = ordergraph([
      'run',
      '--strategy',
      strategies,
      '--order',
      trade,
      '--platform',
      'tmall',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('"orderId": "3456789012345678901"');
    expect(JSON.parse(stdout)).toMatchObject({
      orderId: '3456789012345678901',
      warehouse: expect.any(String),
    });
  });

  it('reads it from standard input the same way, detecting the platform', () => {
    const { code, stdout } = ordergraph(
      ['run', '--strategy', strategies, '--order', '-'],
      readFileSync(trade, 'utf8'),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).orderId).toBe('3456789012345678901');
  });

  it('exits 2 naming the field when the tid is neither a string nor a whole number', () => {
    const { code, stderr } = ordergraph(
      ['run', '--strategy', strategies, '--order', '-', '--platform', 'tmall'],
      readFileSync(trade, 'utf8').replace('3456789012345678901', 'true'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('tid: true is not an order id');
  });
});
