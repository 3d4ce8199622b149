import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileStrategy } from './compile-strategy.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.strategy.json`, import.meta.url), 'utf8'));

const issuesOf = (name: string) => {
  const result = compileStrategy(fixture(name));
  expect(result.ok).toBe(false);
  return result.issues.map(({ code, nodeId, edgeId, path }) => ({ code, nodeId, edgeId, path }));
};

describe('failure fixtures yield exactly their issue, naming node or edge and field', () => {
  it.each([
    ['error-cycle', [{ code: 'cycle', nodeId: 'a', edgeId: 'e3', path: 'edges[2]' }]],
    [
      'error-dangling-edge',
      [{ code: 'dangling_edge', nodeId: undefined, edgeId: 'e2', path: 'edges[1].target' }],
    ],
    [
      'error-bad-regex',
      [
        {
          code: 'invalid_regex',
          nodeId: 're',
          edgeId: undefined,
          path: 'nodes[1].content.when.all[0].value',
        },
      ],
    ],
    [
      'error-unknown-fact',
      [{ code: 'unknown_fact', nodeId: 'c', edgeId: undefined, path: 'nodes[1].content.when.all[0].fact' }],
    ],
    [
      'error-operator-mismatch',
      [
        {
          code: 'operator_type_mismatch',
          nodeId: 'c',
          edgeId: undefined,
          path: 'nodes[1].content.when.all[0].operator',
        },
      ],
    ],
    [
      'error-value-mismatch',
      [
        {
          code: 'value_type_mismatch',
          nodeId: 'c',
          edgeId: undefined,
          path: 'nodes[1].content.when.all[0].value',
        },
      ],
    ],
    [
      'error-enum-value',
      [
        {
          code: 'value_type_mismatch',
          nodeId: 'c',
          edgeId: undefined,
          path: 'nodes[1].content.when.all[0].value',
        },
      ],
    ],
    ['error-missing-branch', [{ code: 'missing_branch', nodeId: 'c', edgeId: undefined, path: 'nodes[1]' }]],
    [
      'error-unreachable-node',
      [{ code: 'unreachable_node', nodeId: 'orphan', edgeId: undefined, path: 'nodes[2]' }],
    ],
    [
      'error-empty-row',
      [{ code: 'empty_row', nodeId: 't', edgeId: undefined, path: 'nodes[1].content.rows[0].outputs' }],
    ],
    [
      'error-unknown-region',
      [
        {
          code: 'unknown_region',
          nodeId: 'c',
          edgeId: undefined,
          path: 'nodes[1].content.when.all[0].value[1]',
        },
      ],
    ],
    ['error-missing-start', [{ code: 'missing_start', nodeId: undefined, edgeId: undefined, path: 'nodes' }]],
    ['error-unknown-kind', [{ code: 'unknown_kind', nodeId: 'x', edgeId: undefined, path: 'nodes[1].kind' }]],
    [
      'error-action-params',
      [
        {
          code: 'content_invalid',
          nodeId: 'act',
          edgeId: undefined,
          path: 'nodes[1].content.params.warehouse',
        },
      ],
    ],
    [
      'error-unknown-event-type',
      [{ code: 'unknown_event_type', nodeId: 'act', edgeId: undefined, path: 'nodes[1].content.type' }],
    ],
    [
      'error-table-unknown-event-type',
      [{ code: 'unknown_event_type', nodeId: 't', edgeId: undefined, path: 'nodes[1].content.eventType' }],
    ],
    [
      'error-not-a-strategy',
      [
        { code: 'document_invalid', nodeId: undefined, edgeId: undefined, path: 'hitPolicy' },
        { code: 'document_invalid', nodeId: 'start', edgeId: undefined, path: 'nodes[0].position.x' },
      ],
    ],
  ])('%s', (name, expected) => {
    expect(issuesOf(name)).toEqual(expected);
  });

  it('says what is wrong in words a consultant can act on', () => {
    const [regex] = compileStrategy(fixture('error-bad-regex')).issues;
    expect(regex!.message).toMatch(/Unterminated character class/);
    const [cycle] = compileStrategy(fixture('error-cycle')).issues;
    expect(cycle!.message).toBe('the graph loops: a → b → a');
    const [params] = compileStrategy(fixture('error-action-params')).issues;
    expect(params!.message).toBe('route: warehouse is required');
    const [event] = compileStrategy(fixture('error-unknown-event-type')).issues;
    expect(event!.message).toMatch(/^unknown event type "nope": use one of .*\bhold\b.*\broute\b/);
  });

  it('reports every issue of a graph at once', () => {
    const doc = fixture('error-unknown-fact') as { nodes: { content: unknown }[]; edges: unknown[] };
    doc.edges.push({ id: 'e9', source: 'c', target: 'nowhere' });
    const codes = compileStrategy(doc).issues.map((i) => i.code);
    expect(codes).toEqual(['unknown_fact', 'dangling_edge']);
  });
});

const graph = (nodes: object[], edges: object[], hitPolicy = 'first') => ({
  formatVersion: 1,
  id: 's',
  clientId: 'c',
  family: 'routing',
  name: 's',
  hitPolicy,
  nodes,
  edges,
});

describe('compiled rule JSON', () => {
  const when = (fact: string, operator: string, value: unknown) => ({
    when: { all: [{ fact, operator, value }] },
  });
  const route = (warehouse: string) => ({ type: 'route', params: { warehouse } });
  const doc = graph(
    [
      { id: 'start', kind: 'start', content: {} },
      {
        id: 'east',
        kind: 'condition',
        content: when('receiver', 'inRegion', ['上海', '浙江省']),
        position: { x: 0, y: 0 },
      },
      { id: 'to-sh', kind: 'action', content: route('WH-SH'), position: { x: 0, y: 0 } },
      { id: 'to-wh', kind: 'action', content: route('WH-WH'), position: { x: 0, y: 100 } },
    ],
    [
      { id: 'e1', source: 'start', target: 'east' },
      { id: 'e2', source: 'east', target: 'to-sh', sourceHandle: 'true' },
      { id: 'e3', source: 'east', target: 'to-wh', sourceHandle: 'false' },
    ],
  );

  it('turns each path into a rule: branch conditions, the event, priority by path order, region names as codes', () => {
    const result = compileStrategy(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const [yes, no] = result.compiled.rules;
    const east = { fact: 'receiver', operator: 'inRegion', value: ['31', '33'] };
    expect(yes).toEqual({
      name: 'to-sh',
      priority: 2,
      conditions: { all: [{ all: [east] }] },
      event: route('WH-SH'),
    });
    expect(no).toEqual({
      name: 'to-wh',
      priority: 1,
      conditions: { all: [{ not: { all: [east] } }] },
      event: route('WH-WH'),
    });
    expect(result.compiled.sourceMap['to-wh']).toEqual({
      emitterId: 'to-wh',
      nodeIds: ['start', 'east', 'to-wh'],
      edgeIds: ['e1', 'e3'],
    });
  });

  it('is deterministic: the same graph gives byte-identical JSON, whatever order nodes and edges are listed in', () => {
    const a = compileStrategy(doc);
    const shuffled = { ...doc, nodes: [...doc.nodes].reverse(), edges: [...doc.edges].reverse() };
    const b = compileStrategy(shuffled);
    expect(a.ok && b.ok).toBe(true);
    expect(JSON.stringify((b as { compiled: unknown }).compiled)).toBe(
      JSON.stringify((a as { compiled: unknown }).compiled),
    );
  });

  it('makes switch cases exclusive: a later case requires that no earlier case matched', () => {
    const sw = graph(
      [
        { id: 'start', kind: 'start', content: {} },
        {
          id: 'sw',
          kind: 'switch',
          content: {
            fact: 'platform',
            cases: [
              { id: 'jd', operator: 'equal', value: 'jd' },
              { id: 'dy', operator: 'in', value: ['douyin', 'jd'] },
            ],
          },
        },
        { id: 'a', kind: 'action', content: route('A') },
        { id: 'b', kind: 'action', content: route('B') },
        { id: 'c', kind: 'action', content: route('C') },
      ],
      [
        { id: 'e0', source: 'start', target: 'sw' },
        { id: 'e1', source: 'sw', target: 'a', sourceHandle: 'jd' },
        { id: 'e2', source: 'sw', target: 'b', sourceHandle: 'dy' },
        { id: 'e3', source: 'sw', target: 'c', sourceHandle: 'default' },
      ],
      'collect',
    );
    const result = compileStrategy(sw);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const jd = { fact: 'platform', operator: 'equal', value: 'jd' };
    const dy = { fact: 'platform', operator: 'in', value: ['douyin', 'jd'] };
    expect(result.compiled.rules.map((r) => r.conditions)).toEqual([
      { all: [jd] },
      { all: [{ all: [dy, { not: { any: [jd] } }] }] },
      { all: [{ not: { any: [jd, dy] } }] },
    ]);
  });

  it('joins the ways into a shared action with any, and names the table rows', () => {
    const merged = graph(
      [
        { id: 'start', kind: 'start', content: {} },
        { id: 'big', kind: 'condition', content: when('amounts.total', 'greaterThan', 1000) },
        {
          id: 'vip',
          kind: 'condition',
          content: when('buyer.memberLevel', 'greaterThanInclusive', 3),
          position: { x: 0, y: 50 },
        },
        { id: 'sf', kind: 'action', content: { type: 'carrier', params: { carrier: 'SF' } } },
      ],
      [
        { id: 'e1', source: 'start', target: 'big' },
        { id: 'e2', source: 'start', target: 'vip' },
        { id: 'e3', source: 'big', target: 'sf', sourceHandle: 'true' },
        { id: 'e4', source: 'vip', target: 'sf', sourceHandle: 'true' },
      ],
    );
    const result = compileStrategy(merged);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.compiled.rules).toHaveLength(1);
    expect(result.compiled.rules[0]!.conditions).toEqual({
      all: [
        {
          any: [
            { all: [{ fact: 'amounts', path: '$.total', operator: 'greaterThan', value: 1000 }] },
            { all: [{ fact: 'buyer', path: '$.memberLevel', operator: 'greaterThanInclusive', value: 3 }] },
          ],
        },
      ],
    });
  });
});
