import { readFileSync } from 'node:fs';
import { type Client, ClientSchema, type Strategy, StrategySchema } from './engine.ts';

/** The demo client's files, as the server imports them: the editor's tests run on the same fixtures. */
const samples = new URL('../../../samples/', import.meta.url);

export function demoStrategy(name: string): Strategy {
  return StrategySchema.parse(
    JSON.parse(readFileSync(new URL(`clients/demo/strategies/${name}.strategy.json`, samples), 'utf8')),
  );
}

export function demoClient(): Client {
  return ClientSchema.parse(JSON.parse(readFileSync(new URL('clients/demo/client.json', samples), 'utf8')));
}

export function sampleOrder(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`orders/${file}`, samples), 'utf8'));
}

/** start → condition (yes) → tag: the smallest strategy that decides something. */
export function tinyStrategy(): Strategy {
  return {
    formatVersion: 1,
    id: 'vip',
    clientId: 'demo',
    family: 'tag',
    name: 'VIP',
    description: '',
    hitPolicy: 'collect',
    nodes: [
      { id: 'start', kind: 'start', kindVersion: 1, name: '', content: {}, position: { x: 0, y: 0 } },
      {
        id: 'big',
        kind: 'condition',
        kindVersion: 1,
        name: 'big order',
        content: { when: { all: [{ fact: 'amounts.total', operator: 'greaterThanInclusive', value: 200 }] } },
        position: { x: 250, y: 0 },
      },
      {
        id: 'vip-tag',
        kind: 'tag',
        kindVersion: 1,
        name: '',
        content: { add: ['VIP'], remove: [] },
        position: { x: 500, y: 0 },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'big' },
      { id: 'e2', source: 'big', target: 'vip-tag', sourceHandle: 'true' },
    ],
    tests: [],
  };
}
