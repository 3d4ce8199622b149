import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { CompiledStrategy } from '../engine/compiler/index.ts';
import { orderFacts } from '../engine/facts/index.ts';
import type { Strategy } from '../engine/graph/schema.ts';
import { loadStrategies } from '../engine/loader/index.ts';
import { registerOperators } from '../engine/operators/index.ts';
import { adaptOrder } from '../engine/order/adapters/index.ts';
import { createEvaluator, ENGINE_NAMES } from '../engine/runtime/index.ts';
import { InMemoryState } from '../engine/state/index.ts';
import { runStrategyTests } from '../engine/strategies/index.ts';

const clientsDir = new URL('./clients/', import.meta.url).pathname;
const loaded = readdirSync(clientsDir).flatMap((client) => {
  const { client: master, strategies } = loadStrategies(join(clientsDir, client, 'strategies'));
  return strategies.map((s) => ({ ...s, client: master }));
});

const compiledOf = (file: string) => {
  const entry = loaded.find((l) => l.file === file)!;
  if (!entry.result.ok) throw new Error(`${file}: ${JSON.stringify(entry.result.issues, null, 2)}`);
  return entry.result as { strategy: Strategy; compiled: CompiledStrategy };
};

describe.each(loaded.map((l) => l.file))('%s', (file) => {
  it('compiles with no issues', () => {
    const entry = loaded.find((l) => l.file === file)!;
    expect(entry.result.issues).toEqual([]);
  });

  it.each(ENGINE_NAMES)('passes its own tests on the %s engine', async (engine) => {
    const { strategy, compiled } = compiledOf(file);
    expect(strategy.tests.length).toBeGreaterThan(0);
    const client = loaded.find((l) => l.file === file)!.client;
    const outcomes = await runStrategyTests(strategy, compiled, { engine, client });
    expect(outcomes.filter((o) => !o.passed)).toEqual([]);
  });

  it('gives the same events in a plain json-rules-engine Engine with registerOperators as in our runtime', async () => {
    const { strategy, compiled } = compiledOf(file);
    const plain = registerOperators(new Engine(compiled.rules, { allowUndefinedFacts: true }));
    const ours = createEvaluator({ rules: compiled.rules, conditions: {} }, 'compiled');
    for (const test of strategy.tests) {
      const context = {
        order: adaptOrder(test.platform, test.order),
        client: undefined,
        state: new InMemoryState(),
        now: new Date(),
      };
      const view = {
        status: 'approved',
        warehouse: null,
        carrier: null,
        tags: [],
        holds: [],
        gifts: [],
        merged: false,
      };
      const facts = orderFacts(context, {}, view) as unknown as Record<string, unknown>;
      const { events } = await plain.run(facts);
      const hits = await ours.evaluate(facts);
      expect(
        hits.map((h) => h.event),
        test.name,
      ).toEqual(events);
    }
  });
});
