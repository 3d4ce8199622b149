import type { Family } from '../../graph/schema.ts';

/** A strategy document: start, then the given nodes and edges (edges from "start" included). */
export function strategyDoc(id: string, family: Family, nodes: object[], edges: [string, string, string?][]) {
  return {
    formatVersion: 1,
    id,
    clientId: 'demo',
    family,
    name: id,
    hitPolicy: 'collect',
    nodes: [{ id: 'start', kind: 'start', content: {} }, ...nodes],
    edges: edges.map(([source, target, sourceHandle], i) => ({
      id: `e${i}`,
      source,
      target,
      ...(sourceHandle ? { sourceHandle } : {}),
    })),
  };
}

export const actionNode = (id: string, type: string, params: object) => ({
  id,
  kind: 'action',
  content: { type, params },
});

export const conditionNode = (id: string, fact: string, operator: string, value: unknown) => ({
  id,
  kind: 'condition',
  content: { when: { all: [{ fact, operator, value }] } },
});

/** Approval: address risk 60 or more holds the order (a fact plugin read by a condition downstream). */
export const riskStrategy = (content: object = {}) =>
  strategyDoc(
    'risk',
    'approval',
    [
      {
        id: 'risk',
        kind: 'plugin',
        content: {
          pluginKind: 'fact',
          pluginId: 'addressRisk',
          version: '1.0.0',
          provides: ['score', 'reasons'],
          ...content,
        },
      },
      conditionNode('risky', 'plugins.addressRisk.score', 'greaterThanInclusive', 60),
      actionNode('hold-risky', 'hold', { reason: 'address_risk', message: 'address risk 60+' }),
    ],
    [
      ['start', 'risk'],
      ['risk', 'risky'],
      ['risky', 'hold-risky', 'true'],
    ],
  );

/** Tags: the gift-stock action plugin for every order. */
export const giftStockStrategy = () =>
  strategyDoc(
    'gift-stock',
    'tag',
    [
      {
        id: 'gift-stock',
        kind: 'plugin',
        content: { pluginKind: 'action', pluginId: 'giftStock', version: '1.0.0', params: { minLeft: 5 } },
      },
    ],
    [['start', 'gift-stock']],
  );

/** Remarks: an operator plugin in a plain condition, and the same plugin as an operator node. */
export const remarkStrategy = () =>
  strategyDoc(
    'remarks',
    'remark',
    [
      conditionNode('is-urge', 'buyerMessage', 'plugin:remarkClassifier', 'urge'),
      actionNode('tag-urge', 'tag', { tag: '催发货' }),
      {
        id: 'is-complaint',
        kind: 'plugin',
        content: {
          pluginKind: 'operator',
          pluginId: 'remarkClassifier',
          version: '1.0.0',
          fact: 'buyerMessage',
          value: 'complaint',
        },
      },
      actionNode('flag-complaint', 'flag', { reason: 'complaint' }),
    ],
    [
      ['start', 'is-urge'],
      ['is-urge', 'tag-urge', 'true'],
      ['start', 'is-complaint'],
      ['is-complaint', 'flag-complaint', 'true'],
    ],
  );
