import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClientSchema } from '../client/index.ts';
import { compileStrategy } from '../compiler/index.ts';
import { StrategySchema } from '../graph/schema.ts';
import { adaptOrder } from '../order/adapters/index.ts';
import { createPipeline } from '../runtime/index.ts';
import { expectationOf } from './compare-expect.ts';
import { runStrategyTests } from './run-strategy-tests.ts';

const samples = new URL('../../samples/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, samples), 'utf8'));
const client = ClientSchema.parse(read('clients/demo/client.json'));

describe('a test case saved from a decision', () => {
  const base = StrategySchema.parse(read('clients/demo/strategies/routing.strategy.json'));
  const order = read('orders/standard-hangzhou.json');
  const compiled = compileStrategy({ ...base, tests: [] }, { client });
  if (!compiled.ok) throw new Error('the demo routing strategy compiles');

  it("expects the decision's status, holds, flags and the stage's own outcome only", async () => {
    const decision = await createPipeline([compiled.compiled], { client }).decide(
      adaptOrder('standard', order),
    );
    const expected = expectationOf(decision, 'routing');
    expect(expected).toEqual({
      status: decision.status,
      holds: [],
      flags: [],
      warehouse: decision.warehouse,
      parcels: [],
    });
    expect(decision.warehouse).toMatch(/^WH-/);
  });

  it('passes when run as `ordergraph test` runs it, and names each differing field with both values', async () => {
    const decision = await createPipeline([compiled.compiled], { client }).decide(
      adaptOrder('standard', order),
    );
    const kept = expectationOf(decision, 'routing');
    const strategy = {
      ...base,
      tests: [
        { name: 'kept', platform: 'standard' as const, order, expect: kept },
        {
          name: 'edited',
          platform: 'standard' as const,
          order,
          expect: { ...kept, warehouse: 'WH-XA', status: 'held' as const },
        },
      ],
    };
    const [pass, fail] = await runStrategyTests(strategy, compiled.compiled, { client });
    expect(pass).toMatchObject({ name: 'kept', passed: true, diffs: [] });
    expect(fail!.passed).toBe(false);
    expect(fail!.diffs).toEqual([
      { field: 'status', expected: 'held', actual: decision.status },
      { field: 'warehouse', expected: 'WH-XA', actual: decision.warehouse },
    ]);
    expect(fail!.failures[1]).toBe(`warehouse: expected "WH-XA", got "${decision.warehouse}"`);
  });
});
