import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import type { Decision } from '../../decision/decision.ts';
import { normaliseOrder } from '../../order/normalise.ts';
import { createPipeline, ENGINE_NAMES } from '../../runtime/index.ts';
import { InMemoryState } from '../../state/index.ts';
import { tagEvent } from './tag.event.ts';
import { tagKind } from './tag.kind.ts';

const tagStrategy = (nodes: object[], edges: object[]) =>
  compileStrategy({
    formatVersion: 1,
    id: 'tags',
    clientId: 'demo',
    family: 'tag',
    name: '打标',
    hitPolicy: 'collect',
    nodes: [{ id: 'start', kind: 'start', content: {} }, ...nodes],
    edges,
  });

/** The decision's tags after one tag event's params are applied to `before`. */
function applyTag(params: unknown, before: string[]): string[] | 'invalid' {
  const parsed = tagEvent.params.safeParse(params);
  if (!parsed.success) return 'invalid';
  const decision = { tags: [...before] } as Decision;
  tagEvent.apply(parsed.data, {
    decision,
    order: undefined as never,
    client: undefined,
    state: new InMemoryState(),
    origin: { strategyId: 's', nodeId: 'n' },
    now: new Date(),
    hold: () => {},
  });
  return decision.tags;
}

describe('tag event', () => {
  it('still takes the one-tag form, adds a list once each, and removes before it adds', () => {
    expect(applyTag({ tag: 'VIP' }, ['VIP'])).toEqual(['VIP']);
    expect(applyTag({ tags: ['双11', '加急'] }, ['加急'])).toEqual(['加急', '双11']);
    expect(applyTag({ tags: ['needs-review'], remove: ['auto'] }, ['auto', 'VIP'])).toEqual([
      'VIP',
      'needs-review',
    ]);
  });

  it('rejects params that neither add nor remove', () => {
    expect(applyTag({}, [])).toBe('invalid');
    expect(applyTag({ tags: [] }, [])).toBe('invalid');
  });
});

describe('tag kind', () => {
  it('emits one tag event with the tags to add and to remove', () => {
    const content = tagKind.schema.parse({ add: ['VIP'], remove: ['new'] });
    expect(tagKind.emit(content).map((e) => e.event)).toEqual([
      { type: 'tag', params: { tags: ['VIP'], remove: ['new'] } },
    ]);
  });

  it('reports an empty node, a tag added twice and one both added and removed', () => {
    const issues = (content: object) =>
      tagStrategy(
        [{ id: 'vip', kind: 'tag', content }],
        [{ id: 'e1', source: 'start', target: 'vip' }],
      ).issues.map(({ code, nodeId, path }) => [code, nodeId, path]);
    expect(issues({})).toEqual([['content_invalid', 'vip', 'nodes[1].content.add']]);
    expect(issues({ add: ['VIP', 'VIP'], remove: ['VIP'] })).toEqual([
      ['duplicate_id', 'vip', 'nodes[1].content.add[1]'],
      ['content_invalid', 'vip', 'nodes[1].content.remove[0]'],
    ]);
  });
});

describe.each(ENGINE_NAMES)('a tag stage (%s engine)', (engine) => {
  const result = tagStrategy(
    [
      { id: 'everyone', kind: 'tag', position: { x: 0, y: 0 }, content: { add: ['auto'] } },
      {
        id: 'is-held',
        kind: 'condition',
        position: { x: 0, y: 100 },
        content: { when: { all: [{ fact: 'decision.status', operator: 'equal', value: 'held' }] } },
      },
      {
        id: 'review',
        kind: 'tag',
        position: { x: 0, y: 100 },
        content: { add: ['needs-review'], remove: ['auto'] },
      },
    ],
    [
      { id: 'e1', source: 'start', target: 'everyone' },
      { id: 'e2', source: 'start', target: 'is-held' },
      { id: 'e3', source: 'is-held', target: 'review', sourceHandle: 'true' },
    ],
  );
  const approval = compileStrategy({
    formatVersion: 1,
    id: 'approval',
    clientId: 'demo',
    family: 'approval',
    name: '审单',
    hitPolicy: 'collect',
    nodes: [
      { id: 'start', kind: 'start', content: {} },
      { id: 'cod', kind: 'approvalCheck', content: { preset: 'cod' } },
      { id: 'hold', kind: 'approval', content: { outcome: 'hold', reason: 'cod' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'cod' },
      { id: 'e2', source: 'cod', target: 'hold', sourceHandle: 'true' },
    ],
  });
  const order = (type: string) =>
    normaliseOrder({
      id: 'T-1',
      platform: 'jd',
      type,
      createdAt: '2026-11-11T00:00:00+08:00',
      amounts: { total: 10 },
      receiver: { province: '上海', city: '上海市', district: '黄浦区', address: 'x' },
      lines: [{ sku: 'A', qty: 1, price: 10 }],
    });

  it('tags every order, and swaps the tag on orders an earlier stage held', async () => {
    if (!result.ok || !approval.ok) throw new Error('fixture does not compile');
    const pipeline = createPipeline([result.compiled, approval.compiled], { engine });
    expect((await pipeline.decide(order('normal'))).tags).toEqual(['auto']);
    expect((await pipeline.decide(order('cod'))).tags).toEqual(['needs-review']);
  });
});
