import { describe, expect, it } from 'vitest';
import { compileStrategy, runStrategyTests } from '../engine.ts';
import { demoClient, demoStrategy, sampleOrder } from '../test-fixtures.ts';
import { runDraft } from './run-draft.ts';
import { testCaseFrom, withTest } from './test-case.ts';

describe('saving the order just tried as a test case', () => {
  it('expects what the draft alone decides, and passes when the strategy’s tests run', async () => {
    const client = demoClient();
    const draft = { ...demoStrategy('routing'), tests: [] };
    const tried = await runDraft({ draft, client, order: sampleOrder('tmall-two-lines-presale.json') });
    if (!tried.ok) throw new Error(JSON.stringify(tried));
    const test = await testCaseFrom({ draft, client, order: tried.order, name: '预售两行' });
    expect(test).toMatchObject({
      name: '预售两行',
      platform: 'standard',
      expect: { status: tried.decision.status, warehouse: tried.decision.warehouse },
    });
    const saved = withTest(draft, test!);
    const compiled = compileStrategy(saved, { client });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const [outcome] = await runStrategyTests(compiled.strategy, compiled.compiled, { client });
    expect(outcome).toMatchObject({ name: '预售两行', passed: true, diffs: [] });
  });

  it('numbers a name already taken instead of replacing that test', () => {
    const doc = demoStrategy('routing');
    const test = { name: 'x', platform: 'standard' as const, order: {}, expect: {} };
    const once = withTest({ ...doc, tests: [] }, test);
    const twice = withTest(once, test);
    expect(twice.tests.map((t) => t.name)).toEqual(['x', 'x (2)']);
  });
});
