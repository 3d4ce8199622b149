import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../compiler/index.ts';
import { lookupFact } from '../../facts/index.ts';
import { factsRead } from '../../runtime/pipeline/facts-read.ts';
import { approvalCheckKind, checkCondition } from './approval-check.kind.ts';
import { client } from './check-harness.test-helper.ts';
import { APPROVAL_PRESETS } from './presets/index.ts';

const compileCheck = (content: unknown) =>
  compileStrategy(
    {
      formatVersion: 1,
      id: 'approval',
      clientId: 'demo',
      family: 'approval',
      name: 'approval',
      hitPolicy: 'collect',
      nodes: [
        { id: 'start', kind: 'start', content: {} },
        { id: 'price-check', kind: 'approvalCheck', content },
        { id: 'hold', kind: 'approval', content: { outcome: 'hold', reason: 'low_price' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'price-check' },
        { id: 'e2', source: 'price-check', target: 'hold', sourceHandle: 'true' },
      ],
    },
    { client },
  );

// A node whose content fails its schema leaves the graph, so nodes after it show as unreachable too: keep the node's own.
const issuesOf = (content: unknown) =>
  compileCheck(content)
    .issues.filter((issue) => issue.nodeId === 'price-check')
    .map(({ code, nodeId, path, message }) => ({ code, nodeId, path, message }));

describe('approvalCheck kind', () => {
  it('compiles a preset into plain json-rules-engine conditions on its "yes" branch', () => {
    const result = compileCheck({ preset: 'unpaid' });
    expect(result.ok && result.compiled.rules).toEqual([
      {
        name: 'hold',
        priority: 1,
        conditions: {
          all: [
            {
              all: [
                { fact: 'payStatus', operator: 'in', value: ['unpaid', 'partPaid'] },
                { fact: 'type', operator: 'notEqual', value: 'cod' },
              ],
            },
          ],
        },
        event: { type: 'hold', params: { reason: 'low_price' } },
      },
    ]);
  });

  it('reads only facts every order has, for every preset with its default settings', () => {
    const defaults: Record<string, unknown> = {
      range: { min: 1 },
      priceBelowFloor: { percent: 50, floors: [{ sku: 'LIP-01', price: 1 }] },
      blacklist: { buyerIds: ['b'] },
    };
    for (const preset of APPROVAL_PRESETS) {
      const content = approvalCheckKind.schema.parse({
        preset: preset.id,
        params: defaults[preset.id] ?? {},
      });
      for (const path of factsRead(checkCondition(content))) {
        expect(lookupFact(path.split(/[.[]/)[0]!), `${preset.id} reads ${path}`).toBeDefined();
      }
    }
  });

  it('names the choices when the preset is unknown', () => {
    expect(issuesOf({ preset: 'unpayed' })).toEqual([
      {
        code: 'content_invalid',
        nodeId: 'price-check',
        path: 'nodes[1].content.preset',
        message: expect.stringContaining('choose a check: unpaid, refundPending, address'),
      },
    ]);
  });

  it('rejects negative, empty and upside-down ranges at the field that holds them', () => {
    expect(issuesOf({ preset: 'range', params: { min: -5 } })).toEqual([
      expect.objectContaining({ code: 'content_invalid', path: 'nodes[1].content.params.min' }),
    ]);
    expect(issuesOf({ preset: 'range', params: { measure: 'qty' } })).toEqual([
      {
        code: 'content_invalid',
        nodeId: 'price-check',
        path: 'nodes[1].content.params.min',
        message: 'range: give a minimum, a maximum or both',
      },
    ]);
    expect(issuesOf({ preset: 'range', params: { min: 10, max: 5 } })).toEqual([
      {
        code: 'content_invalid',
        nodeId: 'price-check',
        path: 'nodes[1].content.params.max',
        message: 'range: maximum 5 is below minimum 10',
      },
    ]);
  });

  it('reports a SKU the client does not have, naming the node', () => {
    expect(
      issuesOf({ preset: 'priceBelowFloor', params: { floors: [{ sku: 'LIP-99', price: 10 }] } }),
    ).toEqual([
      {
        code: 'unknown_reference',
        nodeId: 'price-check',
        path: 'nodes[1].content.params.floors[0].sku',
        message: 'client "demo" has no sku "LIP-99"',
      },
    ]);
    expect(issuesOf({ preset: 'priceBelowFloor', params: { floors: [{ sku: '12:34', price: 1 }] } })).toEqual(
      [expect.objectContaining({ code: 'content_invalid', path: 'nodes[1].content.params.floors[0].sku' })],
    );
    expect(issuesOf({ preset: 'outOfStock', params: { skus: ['LIP-01', 'NOPE'] } })).toEqual([
      expect.objectContaining({ code: 'unknown_reference', path: 'nodes[1].content.params.skus[1]' }),
    ]);
  });

  it('rejects checks that could never hold', () => {
    const paths = (content: unknown) => issuesOf(content).map((issue) => issue.path);
    expect(paths({ preset: 'blacklist' })).toEqual(['nodes[1].content.params.buyerIds']);
    expect(paths({ preset: 'priceBelowFloor' })).toEqual(['nodes[1].content.params.percent']);
    expect(paths({ preset: 'remarkPresent', params: { buyerMessage: false, sellerMemo: false } })).toEqual([
      'nodes[1].content.params.buyerMessage',
    ]);
    expect(
      paths({
        preset: 'address',
        params: { missing: false, incomplete: false, otherProvince: false, encrypted: false },
      }),
    ).toEqual(['nodes[1].content.params.missing']);
    expect(paths({ preset: 'ruralKeyword', params: { keywords: [] } })).toEqual([
      'nodes[1].content.params.keywords',
    ]);
  });

  it('gives every preset a label and help in both languages, and help for each setting', () => {
    for (const preset of APPROVAL_PRESETS) {
      expect([preset.label.en, preset.label.zh, preset.help.en, preset.help.zh].every(Boolean)).toBe(true);
      const shape = Object.keys((preset.params as unknown as { shape: object }).shape);
      expect(Object.keys(preset.fields).sort(), preset.id).toEqual(shape.sort());
    }
  });
});
