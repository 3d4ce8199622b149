import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli.ts';

const root = new URL('../../', import.meta.url).pathname;
const strategies = join(root, 'samples/clients/demo/strategies');
const fixtures = join(root, 'engine/compiler/fixtures');

function ordergraph(args: string[], input?: string) {
  return runCli(args, { cwd: root, input });
}

const tmp = mkdtempSync(join(tmpdir(), 'ordergraph-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('ordergraph compile', () => {
  it('prints the rule JSON of a valid strategy', () => {
    const { code, stdout } = ordergraph(['compile', join(strategies, 'routing.strategy.json')]);
    expect(code).toBe(0);
    const compiled = JSON.parse(stdout);
    expect(compiled.rules[0]).toMatchObject({ name: 'route-bulky', event: { type: 'route' } });
  });

  it('exits 1 and lists the issues of an invalid graph, naming node and field', () => {
    const { code, stderr, stdout } = ordergraph(['compile', join(fixtures, 'error-bad-regex.strategy.json')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('error [invalid_regex] (node re) at nodes[1].content.when.all[0].value');
  });

  it('gives machines {ok, issues} with --json', () => {
    const { code, stdout } = ordergraph(['compile', join(fixtures, 'error-cycle.strategy.json'), '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      issues: [{ code: 'cycle', nodeId: 'a', edgeId: 'e3' }],
    });
  });

  it('exits 2 with the line and column when the file is not JSON, without a stack trace', () => {
    const { code, stderr } = ordergraph([
      'compile',
      file('broken.strategy.json', '{\n  "id": "x",\n  oops\n}'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.strategy\.json is not JSON at line 3 column 3/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits 2 for a missing file', () => {
    const { code, stderr } = ordergraph(['compile', join(tmp, 'nope.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('no such file');
  });
});

describe('ordergraph run', () => {
  it('decides a standard order with a folder of strategies', () => {
    const { code, stdout } = ordergraph([
      'run',
      '--strategy',
      strategies,
      '--order',
      join(root, 'samples/orders/standard-hangzhou.json'),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      orderId: 'S-2001',
      status: 'approved',
      warehouse: 'WH-SH',
      carrier: 'ZTO',
    });
  });

  it('reads a raw platform order from standard input with --platform, and traces with --trace', () => {
    const raw = join(root, 'samples/orders/douyin-emoji-remark.json');
    const { code, stdout } = ordergraph(
      ['run', '--strategy', strategies, '--order', '-', '--platform', 'douyin', '--trace'],
      readFileSync(raw, 'utf8'),
    );
    expect(code).toBe(0);
    const decision = JSON.parse(stdout);
    expect(decision.carrier).toBe('SF');
    expect(decision.trace.find((t: { strategyId: string }) => t.strategyId === 'carrier')).toMatchObject({
      rule: 'carrier-douyin',
      nodeIds: ['start', 'is-douyin', 'carrier-douyin'],
    });
  });

  it('decides a Pinduoduo order as pdd.order.information.get answers it: masked receiver, remark read', () => {
    const { code, stdout } = ordergraph([
      'run',
      '--strategy',
      strategies,
      '--order',
      join(root, 'engine/order/adapters/fixtures/pdd-encrypted-receiver.json'),
    ]);
    expect(code).toBe(0);
    const decision = JSON.parse(stdout);
    expect(decision).toMatchObject({ orderId: '251111-508337263681094', carrier: 'SF', warehouse: 'WH-SH' });
    expect(decision.flags.map((f: { reason: string }) => f.reason)).toContain('address_encrypted');
  });

  it('exits 2 naming the field when the input is not an order', () => {
    const bad = file('bad-order.json', JSON.stringify({ id: 'X', platform: 'tmall', lines: [] }));
    const { code, stderr } = ordergraph(['run', '--strategy', strategies, '--order', bad]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: .*createdAt/m);
  });

  it('exits 2 when the order is not JSON', () => {
    const { code, stderr } = ordergraph(['run', '--strategy', strategies, '--order', '-'], 'not json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/standard input is not JSON/);
  });

  it('exits 2 saying whose order it is when --platform names another', () => {
    const { code, stderr } = ordergraph([
      'run',
      '--strategy',
      strategies,
      '--order',
      join(root, 'samples/orders/tmall-two-lines-presale.json'),
      '--platform',
      'jd',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a JD order .* its keys are a Tmall \/ Taobao order's\. .*say tmall/);
  });

  it('exits 2 for an unknown platform', () => {
    const { code, stderr } = ordergraph(
      ['run', '--strategy', strategies, '--order', '-', '--platform', 'ebay'],
      '{}',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/use tmall, jd, douyin, pdd, kuaishou, xiaohongshu, channels, standard/);
  });
});

describe('ordergraph run --rules (plain json-rules-engine rule JSON over NDJSON)', () => {
  const rules = file(
    'rules.json',
    JSON.stringify([
      {
        name: 'sf',
        priority: 2,
        conditions: { all: [{ fact: 'remarks', operator: 'containsAny', value: ['顺丰'] }] },
        event: { type: 'carrier', params: { carrier: 'SF' } },
      },
      {
        conditions: { any: [{ fact: 'total', operator: 'greaterThan', value: 100 }] },
        event: { type: 'tag', params: { tag: 'big' } },
      },
    ]),
  );
  const orders = file('orders.ndjson', '{"remarks":"发顺丰","total":120}\n{"total":"99"}\nnot json\n');

  it('writes one line per order with its events in order, byte-identical under both engines', () => {
    const compiled = ordergraph(['run', '--rules', rules, '--orders', orders]);
    const reference = ordergraph(['run', '--rules', rules, '--orders', orders, '--engine', 'reference']);
    expect(compiled.code).toBe(0);
    expect(
      compiled.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        line: 1,
        events: [
          { type: 'carrier', params: { carrier: 'SF' } },
          { type: 'tag', params: { tag: 'big' } },
        ],
      },
      { line: 2, events: [] },
      { line: 3, error: 'not valid JSON' },
    ]);
    expect(reference.stdout).toBe(compiled.stdout);
  });

  it('exits 2 naming the file when the rules are not rule JSON', () => {
    const bad = file('bad-rules.json', JSON.stringify([{ event: { type: 'x' } }]));
    const { code, stderr } = ordergraph(['run', '--rules', bad, '--orders', orders]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad-rules\.json is not json-rules-engine rule JSON/);
  });
});

describe('ordergraph test', () => {
  it("runs every sample strategy's own tests", () => {
    const { code, stdout } = ordergraph(['test', strategies]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n(\d+) passed, 0 failed\n$/);
  });
});
