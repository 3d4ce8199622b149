import { describe, expect, it } from 'vitest';
import { jsonEqual } from './json-equal.ts';

describe('jsonEqual', () => {
  it.each([
    [1, 1, true],
    [1, '1', false],
    [null, null, true],
    [null, {}, false],
    [[1, [2]], [1, [2]], true],
    [[1, 2], [2, 1], false],
    [[1], { 0: 1 }, false],
    [{ a: 1, b: [1] }, { b: [1], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: undefined, b: 1 }, { b: 1 }, true],
    [{ a: 1 }, { b: 1 }, false],
  ])('%j vs %j is %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
  });
});
