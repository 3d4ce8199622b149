import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../decision/decision.ts';
import type { StageView } from '../../facts/index.ts';
import { testOrder } from '../../nodes/gift/apply-event.test-helper.ts';
import type { RuleEvent } from '../../rules/schema.ts';
import { InMemoryState } from '../../state/index.ts';
import { DecisionBuilder } from './decision-builder.ts';

const ORIGIN = { strategyId: 's', nodeId: 'n' };

/** The view as it was always built: fresh lists from the decision. */
function freshView(decision: Decision, status: string): StageView {
  return {
    status,
    warehouse: decision.warehouse,
    carrier: decision.carrier,
    tags: [...decision.tags],
    holds: decision.holds.map((h) => h.reason),
    gifts: decision.gifts.map((g) => g.sku),
    merged: decision.merge?.joined === true,
  };
}

/** Events that change what a view shows (tags, holds, flags, gifts, carrier) and ones that do not. */
const events: fc.Arbitrary<RuleEvent> = fc.oneof(
  fc.constantFrom('vip', 'gift', 'remote').map((tag) => ({ type: 'tag', params: { tag } })),
  fc.constantFrom('vip', 'gift').map((tag) => ({ type: 'tag', params: { remove: [tag] } })),
  fc.constantFrom('risk', 'stock').map((reason) => ({ type: 'hold', params: { reason } })),
  fc.constantFrom('risk').map((reason) => ({ type: 'flag', params: { reason } })),
  fc.constantFrom('G-1', 'G-2').map((sku) => ({ type: 'gift', params: { sku } })),
  fc.constantFrom('SF', 'ZTO').map((carrier) => ({ type: 'carrier', params: { carrier } })),
  fc.constant({ type: 'approve', params: {} }),
  fc.constant({ type: 'custom.pass-through', params: { x: 1 } }),
);

describe('DecisionBuilder.view', () => {
  it('shows the decision as fresh lists would, and never changes a view it handed out', () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 12 }), (sequence) => {
        const builder = new DecisionBuilder(testOrder(), undefined, new InMemoryState());
        const handedOut: [StageView, string][] = [];
        const take = () => {
          const view = builder.view();
          expect(view).toEqual(freshView(builder.decision, builder.status()));
          handedOut.push([view, JSON.stringify(view)]);
          return view;
        };
        let last = take();
        for (const event of sequence) {
          const before = JSON.stringify(last);
          builder.apply(event, ORIGIN);
          const view = take();
          // Nothing it shows changed: the same view, not a copy.
          if (JSON.stringify(view) === before) expect(view).toBe(last);
          last = view;
        }
        for (const [view, json] of handedOut) expect(JSON.stringify(view)).toBe(json);
      }),
    );
  });

  it('keeps the lists that did not change and makes new ones for those that did', () => {
    const builder = new DecisionBuilder(testOrder(), undefined, new InMemoryState());
    builder.apply({ type: 'tag', params: { tag: 'vip' } }, ORIGIN);
    const first = builder.view();
    builder.apply({ type: 'gift', params: { sku: 'G-1' } }, ORIGIN);
    const second = builder.view();
    expect(second).not.toBe(first);
    expect(second.tags).toBe(first.tags);
    expect(second.holds).toBe(first.holds);
    expect(second.gifts).toEqual(['G-1']);
    expect(first.gifts).toEqual([]);
  });
});
