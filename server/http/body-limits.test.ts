import { describe, expect, it } from 'vitest';
import { checkGraphLimits, checkJsonShape, LimitExceededError, type RequestLimits } from './body-limits.ts';

const limits: RequestLimits = { maxGraphNodes: 3, maxGraphEdges: 2, maxJsonDepth: 4, maxStringLength: 5 };

function refusal(task: () => void): Record<string, unknown> {
  try {
    task();
  } catch (error) {
    expect(error).toBeInstanceOf(LimitExceededError);
    const { status, code, details, message } = error as LimitExceededError;
    return { status, code, ...details, message };
  }
  throw new Error('expected a refusal');
}

describe('body limits', () => {
  it('lets a body within every limit through', () => {
    expect(() => checkJsonShape({ a: [{ b: 'abcde' }] }, limits)).not.toThrow();
    expect(() => checkGraphLimits({ nodes: [1, 2, 3], edges: [1, 2] }, limits)).not.toThrow();
  });

  it('names the limit, its value and the field, in objects and arrays', () => {
    expect(refusal(() => checkJsonShape({ a: [{ b: [[1]] }] }, limits))).toEqual({
      status: 413,
      code: 'limit_exceeded',
      limit: 'MAX_JSON_DEPTH',
      max: 4,
      field: 'a[0].b[0]',
      message: 'a[0].b[0]: nested more than 4 objects and arrays deep; the limit is 4 (MAX_JSON_DEPTH)',
    });
    expect(refusal(() => checkJsonShape({ a: ['ok', 'too long'] }, limits))).toMatchObject({
      limit: 'MAX_STRING_LENGTH',
      field: 'a[1]',
    });
    expect(refusal(() => checkJsonShape({ a: { 'long key': 1 } }, limits))).toMatchObject({
      limit: 'MAX_STRING_LENGTH',
      field: 'a',
      message: 'a: a key of 8 characters; the limit is 5 (MAX_STRING_LENGTH)',
    });
  });

  it('counts nodes and edges before walking', () => {
    expect(refusal(() => checkGraphLimits({ nodes: [1, 2, 3, 4] }, limits))).toMatchObject({
      limit: 'MAX_GRAPH_NODES',
      field: 'nodes',
      max: 3,
    });
    expect(refusal(() => checkGraphLimits({ nodes: [], edges: [1, 2, 3] }, limits))).toMatchObject({
      limit: 'MAX_GRAPH_EDGES',
      field: 'edges',
    });
  });

  it('walks a body nested 100,000 deep without recursion, and stops at the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const refused = refusal(() => checkJsonShape({ deep }, { maxJsonDepth: 64 }));
    expect(refused.field).toBe(`deep${'[0]'.repeat(63)}`);
  });
});
