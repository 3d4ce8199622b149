import {
  type Client,
  expectationOf,
  type StandardOrder,
  type Strategy,
  type StrategyTest,
} from '../engine.ts';
import { runDraft } from './run-draft.ts';

/**
 * A test case of the order just tried: what the draft alone decides for it, as `ordergraph test`
 * runs a strategy's tests (alone, from fresh state). Kept as a standard order, which every
 * platform's order was read into, so the test needs no adapter. Undefined when the draft cannot run.
 */
export async function testCaseFrom(input: {
  draft: Strategy;
  client?: Client;
  order: StandardOrder;
  name: string;
}): Promise<StrategyTest | undefined> {
  const run = await runDraft({
    draft: input.draft,
    ...(input.client ? { client: input.client } : {}),
    order: input.order,
    platform: 'standard',
  });
  if (!run.ok) return undefined;
  return {
    name: input.name,
    platform: 'standard',
    order: input.order,
    expect: expectationOf(run.decision, input.draft.family),
  };
}

/** The document with the test added; a name already taken gets a number, so no test is replaced unasked. */
export function withTest(doc: Strategy, test: StrategyTest): Strategy {
  const taken = new Set(doc.tests.map((t) => t.name));
  let name = test.name;
  for (let n = 2; taken.has(name); n++) name = `${test.name} (${n})`;
  return { ...doc, tests: [...doc.tests, { ...test, name }] };
}
