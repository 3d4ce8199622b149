import type { Decision } from '../../engine/decision/decision.ts';
import type { DecisionRecord } from '../store/records.ts';

// Apart from fixtures.ts, which loads the compiler: the crash test's writer starts without it.

export function decision(orderId: string, tags: string[] = []): Decision {
  return {
    orderId,
    status: 'approved',
    holds: [],
    flags: [],
    warehouse: null,
    carrier: null,
    gifts: [],
    tags,
    parcels: [],
    substitutions: [],
    consumed: [],
    extracted: {},
    events: [],
  };
}

export function decisionRecord(clientId: string, orderId: string, at = new Date()): DecisionRecord {
  return {
    clientId,
    orderId,
    at: at.toISOString(),
    release: 1,
    platform: 'standard',
    by: 'key:test',
    decision: decision(orderId),
  };
}
