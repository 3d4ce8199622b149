import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoClient, demoStrategy } from '../test-fixtures.ts';
import { readPastedOrder } from './pasted-order.ts';
import { runDraft } from './run-draft.ts';

const topTrade = readFileSync(
  new URL('../../../../engine/order/adapters/fixtures/tmall-top-numeric-ids.json', import.meta.url),
  'utf8',
);

describe('an order pasted into the test panel', () => {
  it('keeps every digit of a TOP trade whose tid is a 19-digit JSON number, through the draft run', async () => {
    expect(topTrade).toContain('"tid": 3456789012345678901,');
    const pasted = readPastedOrder(topTrade);
    if (!pasted.ok) throw new Error(pasted.message);
    const run = await runDraft({ draft: demoStrategy('routing'), client: demoClient(), order: pasted.order });
    if (!run.ok) throw new Error(JSON.stringify(run));
    expect(run.platform).toBe('tmall');
    expect(run.decision.orderId).toBe('3456789012345678901');
  });

  it("says why text is not JSON, in JSON.parse's words", () => {
    expect(readPastedOrder('{"tid": 3456789012345678901,')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/JSON/),
    });
  });
});
