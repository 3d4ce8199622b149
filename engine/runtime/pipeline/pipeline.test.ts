import { describe, expect, it } from 'vitest';
import { type CompiledStrategy, compileStrategy } from '../../compiler/index.ts';
import { normaliseOrder } from '../../order/normalise.ts';
import { UnsupportedFactError } from '../compiled/index.ts';
import { ENGINE_NAMES } from '../evaluator.ts';
import { createPipeline } from './pipeline.ts';

const compile = (doc: object): CompiledStrategy => {
  const result = compileStrategy(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.compiled;
};

const strategy = (id: string, family: string, hitPolicy: string, nodes: object[], edges: object[]) =>
  compile({ formatVersion: 1, id, clientId: 'c', family, name: id, hitPolicy, nodes, edges });

const start = { id: 'start', kind: 'start', content: {} };
const when = (fact: string, operator: string, value: unknown) => ({
  when: { all: [{ fact, operator, value }] },
});

const order = (overrides: Record<string, unknown> = {}) =>
  normaliseOrder({
    id: 'O-1',
    platform: 'tmall',
    createdAt: '2026-11-11T00:00:00+08:00',
    paidAt: '2026-11-11T00:00:05+08:00',
    amounts: { total: 300 },
    receiver: { province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 1 号' },
    lines: [{ sku: 'A', qty: 3, price: 100, weightKg: 0.5 }],
    ...overrides,
  });

// A carrier strategy that reads what routing decided, and a routing table whose rows are first-hit.
const carrier = strategy(
  'carrier',
  'carrier',
  'first',
  [
    start,
    { id: 'from-sh', kind: 'condition', content: when('decision.warehouse', 'equal', 'WH-SH') },
    { id: 'sf', kind: 'action', content: { type: 'carrier', params: { carrier: 'SF' } } },
  ],
  [
    { id: 'e1', source: 'start', target: 'from-sh' },
    { id: 'e2', source: 'from-sh', target: 'sf', sourceHandle: 'true' },
  ],
);
const routing = strategy(
  'routing',
  'routing',
  'collect',
  [
    start,
    {
      id: 'table',
      kind: 'decisionTable',
      content: {
        inputs: [{ id: 'r', fact: 'receiver', label: '' }],
        outputs: [{ id: 'w', param: 'warehouse', label: '' }],
        eventType: 'route',
        rows: [
          { id: 'east', when: { r: { operator: 'inRegion', value: ['浙江'] } }, outputs: { w: 'WH-SH' } },
          { id: 'any', when: {}, outputs: { w: 'WH-WH' } },
        ],
      },
    },
  ],
  [{ id: 'e1', source: 'start', target: 'table' }],
);

describe.each(ENGINE_NAMES)('pipeline (%s engine)', (engine) => {
  it('runs stages in family order, whatever order it is given, and later stages read earlier decisions', async () => {
    const pipeline = createPipeline([carrier, routing], { engine });
    expect(pipeline.stages.map((s) => s.family)).toEqual(['routing', 'carrier']);
    const decision = await pipeline.decide(order());
    expect(decision).toMatchObject({ status: 'approved', warehouse: 'WH-SH', carrier: 'SF', holds: [] });
  });

  it('takes only the first matching row of a decision table, even under collect', async () => {
    const decision = await createPipeline([routing], { engine }).decide(order());
    expect(decision.events).toEqual([
      { strategyId: 'routing', type: 'route', params: { warehouse: 'WH-SH' } },
    ]);
  });

  it('holds an order no rule placed, with a reason, instead of dropping it', async () => {
    const decision = await createPipeline([carrier, routing], { engine }).decide(
      order({ receiver: { province: '广东省', city: '广州市', district: '天河区', address: 'x' } }),
    );
    expect(decision.warehouse).toBe('WH-WH');
    expect(decision.status).toBe('held');
    expect(decision.holds).toEqual([
      {
        reason: 'no_carrier',
        message: 'no carrier rule matched this order',
        strategyId: 'pipeline',
        nodeId: '',
      },
    ]);
  });

  it('traces each fired rule to its nodes, edges and the facts it read', async () => {
    const decision = await createPipeline([carrier, routing], { engine, trace: true }).decide(order());
    expect(decision.trace).toEqual([
      {
        strategyId: 'routing',
        rule: 'table#east',
        nodeIds: ['start', 'table'],
        edgeIds: ['e1'],
        event: { type: 'route', params: { warehouse: 'WH-SH' } },
        facts: { receiver: expect.objectContaining({ provinceCode: '33', districtCode: '330106' }) },
      },
      {
        strategyId: 'carrier',
        rule: 'sf',
        nodeIds: ['start', 'from-sh', 'sf'],
        edgeIds: ['e1', 'e2'],
        event: { type: 'carrier', params: { carrier: 'SF' } },
        facts: { 'decision.warehouse': 'WH-SH' },
      },
    ]);
  });

  it("traces the fired rules without their facts under trace: 'rules', deciding the same", async () => {
    const full = await createPipeline([carrier, routing], { engine, trace: true }).decide(order());
    const rules = await createPipeline([carrier, routing], { engine, trace: 'rules' }).decide(order());
    expect(rules.trace).toEqual(full.trace!.map((entry) => ({ ...entry, facts: {} })));
    expect({ ...rules, trace: undefined }).toEqual({ ...full, trace: undefined });
  });
});

// Holds an order whose id was decided before: what a decision sees of the orders decided before it.
const duplicates = strategy(
  'duplicates',
  'approval',
  'collect',
  [
    start,
    { id: 'seen', kind: 'condition', content: when('duplicateOrder', 'equal', true) },
    { id: 'hold', kind: 'action', content: { type: 'hold', params: { reason: 'duplicate' } } },
  ],
  [
    { id: 'e1', source: 'start', target: 'seen' },
    { id: 'e2', source: 'seen', target: 'hold', sourceHandle: 'true' },
  ],
);
const held = (decision: { holds: { reason: string }[] }) => decision.holds.map((h) => h.reason);

describe.each(ENGINE_NAMES)('pipeline order of decisions (%s engine)', (engine) => {
  it('decides orders asked for without awaiting in call order, each seeing the state the ones before left', async () => {
    const pipeline = createPipeline([duplicates], { engine });
    const decisions = await Promise.all([pipeline.decide(order()), pipeline.decide(order())]);
    expect(decisions.map(held)).toEqual([[], ['duplicate']]);
  });

  it('decides an order asked for from inside a decision after that decision', async () => {
    let inner: Promise<unknown> | undefined;
    const pipeline = createPipeline([duplicates], {
      engine,
      beforeStage: () => {
        inner ??= pipeline.decide(order());
      },
    });
    const outer = await pipeline.decide(order());
    expect([held(outer), held((await inner) as { holds: { reason: string }[] })]).toEqual([
      [],
      ['duplicate'],
    ]);
  });

  it('rejects the promise of a decision that fails, and decides the next order', async () => {
    let fail = true;
    const pipeline = createPipeline([duplicates], {
      engine,
      beforeStage: () => {
        if (fail) throw new Error('stage refused');
      },
    });
    const failing = pipeline.decide(order());
    await expect(failing).rejects.toThrow('stage refused');
    fail = false;
    expect(held(await pipeline.decide(order({ id: 'O-2' })))).toEqual([]);
  });
});

describe('pipeline on the compiled runtime', () => {
  it('decides at once when idle, so the state holds the order as soon as decide returns', () => {
    const pipeline = createPipeline([duplicates], { engine: 'compiled' });
    const deciding = pipeline.decide(order());
    expect(pipeline.state.seenOrder('O-1')).toBe(true);
    return expect(deciding).resolves.toMatchObject({ orderId: 'O-1', holds: [] });
  });

  it('queues a decision asked for while a batch is still queued, behind it', async () => {
    const pipeline = createPipeline([duplicates], { engine: 'compiled' });
    const first = pipeline.decideBatch([order()]);
    const second = pipeline.decide(order());
    expect(pipeline.state.seenOrder('O-1')).toBe(false);
    const [[a], b] = await Promise.all([first, second]);
    expect([held(a!), held(b)]).toEqual([[], ['duplicate']]);
  });

  it('refuses a fact a stage reads that is a function or a thenable, and minds no other', async () => {
    const pipeline = createPipeline([carrier, routing], { engine: 'compiled' });
    const thenable = order({ id: 'O-2' });
    Object.assign(thenable.receiver, Object.fromEntries([['then', () => undefined]]));
    await expect(pipeline.decide(thenable)).rejects.toThrow(UnsupportedFactError);
    await expect(pipeline.decide(thenable)).rejects.toThrow('fact "receiver" is a thenable');
    // No stage reads the buyer: its `then` is no matter, as when each stage checked what it reads.
    const unread = order({ id: 'O-3' });
    Object.assign(unread.buyer, Object.fromEntries([['then', () => undefined]]));
    expect(await pipeline.decide(unread)).toMatchObject({ warehouse: 'WH-SH', carrier: 'SF', holds: [] });
    // A plain `then` is data, and the next plain order decides as ever.
    const data = order({ id: 'O-4' });
    Object.assign(data.receiver, Object.fromEntries([['then', 'later']]));
    expect(await pipeline.decide(data)).toMatchObject({ warehouse: 'WH-SH', carrier: 'SF' });
  });

  it('refuses `extracted` at a stage that reads it once an earlier stage set a `then` function in it', async () => {
    // Rule JSON cannot hold a function, a strategy built in code can: the one fact a decision changes.
    const extract = (id: string, family: string, value: unknown) =>
      strategy(
        id,
        family,
        'collect',
        [start, { id: 'x', kind: 'action', content: { type: 'extract', params: { key: 'then', value } } }],
        [{ id: 'e1', source: 'start', target: 'x' }],
      );
    const reads = strategy(
      'reads',
      'tag',
      'collect',
      [
        start,
        { id: 'asked', kind: 'condition', content: when('extracted', 'equal', 'never') },
        { id: 'tag', kind: 'action', content: { type: 'tag', params: { tag: 'x' } } },
      ],
      [
        { id: 'e1', source: 'start', target: 'asked' },
        { id: 'e2', source: 'asked', target: 'tag', sourceHandle: 'true' },
      ],
    );
    const refusing = createPipeline([extract('sets', 'remark', () => undefined), reads], {
      engine: 'compiled',
    });
    await expect(refusing.decide(order())).rejects.toThrow('fact "extracted" is a thenable');
    const data = createPipeline([extract('sets', 'remark', 'later'), reads], { engine: 'compiled' });
    const decided = await data.decide(order());
    expect([decided.extracted.then, decided.tags]).toEqual(['later', []]);
  });

  it('names the node behind each hit when the rules that fire change from order to order', async () => {
    const holds = strategy(
      'holds',
      'approval',
      'collect',
      [
        start,
        { id: 'big', kind: 'condition', content: when('amounts.total', 'greaterThan', 100) },
        { id: 'hold-big', kind: 'action', content: { type: 'hold', params: { reason: 'big' } } },
        { id: 'hold-small', kind: 'action', content: { type: 'hold', params: { reason: 'small' } } },
      ],
      [
        { id: 'e1', source: 'start', target: 'big' },
        { id: 'e2', source: 'big', target: 'hold-big', sourceHandle: 'true' },
        { id: 'e3', source: 'big', target: 'hold-small', sourceHandle: 'false' },
      ],
    );
    const pipeline = createPipeline([holds], { engine: 'compiled' });
    const totals = [300, 50, 50, 300, 50];
    const decided = [];
    for (const [i, total] of totals.entries()) {
      decided.push(await pipeline.decide(order({ id: `O-${i}`, amounts: { total } })));
    }
    expect(decided.map((d) => d.holds.map((h) => `${h.reason}@${h.nodeId}`))).toEqual(
      totals.map((total) => (total > 100 ? ['big@hold-big'] : ['small@hold-small'])),
    );
  });

  it('decides as on json-rules-engine for hand-written rules sharing a name, or with none', async () => {
    const tags = strategy(
      'tags',
      'tag',
      'collect',
      [start, { id: 'tag', kind: 'action', content: { type: 'tag', params: { tag: 'x' } } }],
      [{ id: 'e1', source: 'start', target: 'tag' }],
    );
    const tagRule = (name: string | undefined, tag: string, min: number) => ({
      ...(name === undefined ? {} : { name }),
      priority: 1,
      conditions: { all: [{ fact: 'amounts', path: '$.total', operator: 'greaterThan', value: min }] },
      event: { type: 'tag', params: { tag } },
    });
    const handWritten = {
      ...tags,
      rules: [
        tagRule('twice', 'first-of-two', 100),
        tagRule('twice', 'second-of-two', 200),
        tagRule('', 'empty-name', 0),
        tagRule(undefined, 'no-name', 250),
      ],
      // Hand-written rule JSON: a rule without a name is not what the compiler writes.
    } as unknown as CompiledStrategy;
    const decide = async (engine: (typeof ENGINE_NAMES)[number]) => {
      const pipeline = createPipeline([handWritten], { engine, trace: true });
      const decisions = [];
      for (const total of [50, 150, 300])
        decisions.push(await pipeline.decide(order({ amounts: { total } })));
      return decisions;
    };
    const compiled = await decide('compiled');
    // Rules of one name share the last one's entry, as a Map of them by name keeps: its event applies.
    expect(compiled.map((d) => d.tags)).toEqual([
      ['empty-name'],
      ['second-of-two', 'empty-name'],
      ['second-of-two', 'empty-name', 'no-name'],
    ]);
    expect(compiled).toEqual(await decide('reference'));
  });
});
