import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import type { StrategyInput } from '../../graph/schema.ts';
import { createPipeline, ENGINE_NAMES } from '../../runtime/index.ts';
import { InMemoryState } from '../../state/index.ts';
import { testClient, testOrder } from '../gift/apply-event.test-helper.ts';

const strategy = (
  id: string,
  family: StrategyInput['family'],
  node: { kind: string; content: unknown },
  when?: unknown,
): StrategyInput => ({
  formatVersion: 1,
  id,
  clientId: 'c',
  family,
  name: id,
  hitPolicy: 'collect',
  nodes: [
    { id: 'start', kind: 'start' },
    ...(when ? [{ id: 'if', kind: 'condition', content: { when } }] : []),
    { id: `${id}-node`, ...node },
  ],
  edges: when
    ? [
        { id: 'e0', source: 'start', target: 'if' },
        { id: 'e1', source: 'if', target: `${id}-node`, sourceHandle: 'true' },
      ]
    : [{ id: 'e1', source: 'start', target: `${id}-node` }],
});

const compile = (input: StrategyInput) => compileStrategy(input, { client: testClient });
const mergeWith = (content: unknown) => compile(strategy('merge', 'merge', { kind: 'merge', content }));

describe('merge node kind', () => {
  it('compiles to one merge event with every setting filled', () => {
    const result = mergeWith({ windowHours: 6 });
    expect(result.issues).toEqual([]);
    expect(result.ok && result.compiled.rules.map((r) => r.event)).toEqual([
      {
        type: 'merge',
        params: { windowHours: 6, match: { warehouse: false, carrier: false }, allowPresale: false },
      },
    ]);
  });

  it('names the node and the field of bad content', () => {
    const issues = (content: unknown) =>
      mergeWith(content).issues.map(({ code, nodeId, path, message }) => ({ code, nodeId, path, message }));
    expect(issues({ windowHours: 0 })).toEqual([
      {
        code: 'content_invalid',
        nodeId: 'merge-node',
        path: 'nodes[1].content.windowHours',
        message: 'windowHours: a group must stay open for more than 0 hours',
      },
    ]);
    expect(issues({ windowHours: 500 })[0]).toMatchObject({ path: 'nodes[1].content.windowHours' });
    expect(issues({ windowHours: '6' })[0]).toMatchObject({
      path: 'nodes[1].content.windowHours',
      message: expect.stringMatching(/^windowHours: /),
    });
    expect(issues({ match: { warehouse: 'yes' } })[0]).toMatchObject({
      nodeId: 'merge-node',
      path: 'nodes[1].content.match.warehouse',
    });
    // COD is never merged: there is no setting to turn it on, and trying is an issue, not ignored.
    expect(issues({ allowCod: true })[0]).toMatchObject({
      nodeId: 'merge-node',
      path: 'nodes[1].content',
      message: expect.stringContaining('allowCod'),
    });
  });
});

describe.each(ENGINE_NAMES)('the merge stage in a pipeline (%s engine)', (engine) => {
  const compiled = [
    // Listed out of stage order on purpose: the pipeline runs them by family.
    strategy(
      'tags',
      'tag',
      { kind: 'tag', content: { add: ['合单'] } },
      {
        fact: 'decision.merged',
        operator: 'equal',
        value: true,
      },
    ),
    strategy('merge', 'merge', { kind: 'merge', content: { windowHours: 2, match: { warehouse: true } } }),
    strategy('routing', 'routing', {
      kind: 'action',
      content: { type: 'route', params: { warehouse: 'WH-SH' } },
    }),
  ].map((input) => {
    const result = compile(input);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.compiled;
  });

  it('runs after routing, so it matches on the warehouse, and before tags, which read that the order merged', async () => {
    const pipeline = createPipeline(compiled, { engine, client: testClient, state: new InMemoryState() });
    expect(pipeline.stages.map((s) => s.family)).toEqual(['routing', 'merge', 'tag']);
    const first = await pipeline.decide(testOrder({ id: 'O-1' }));
    const second = await pipeline.decide(testOrder({ id: 'O-2', paidAt: '2026-11-11T01:00:00+08:00' }));
    expect(first.merge).toMatchObject({ joined: false, size: 1, strategyId: 'merge', nodeId: 'merge-node' });
    expect(first.tags).toEqual([]);
    expect(second.merge).toMatchObject({ group: first.merge!.group, joined: true, size: 2 });
    expect(second.tags).toEqual(['合单']);
    expect(pipeline.state.snapshot().merges).toEqual({
      [first.merge!.group!]: { closesAt: '2026-11-10T18:00:05.000Z', size: 2 },
    });
  });
});
