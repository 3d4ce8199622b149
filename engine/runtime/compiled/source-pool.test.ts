import { describe, expect, it } from 'vitest';
import { compileSource, SourcePool } from './source-pool.ts';
import { isNumeric } from './standard-operators.ts';

const helpers = { isArray: Array.isArray, isNumeric, hasOwn: Object.hasOwn };

describe('SourcePool', () => {
  it('passes values as constants, never as source text', () => {
    const pool = new SourcePool();
    const hostile = "'); process.exit(1); ('";
    const ref = pool.ref(hostile);
    expect(ref).toBe('c0');
    expect(pool.ref(hostile)).toBe(ref);
    expect(compileSource<string>(pool, helpers, `return ${ref};`)).toBe(hostile);
  });

  it.each(["return 'x';", 'return `x`;', 'return 1 // x', 'return /x/;', 'return "x";'])(
    'refuses source with literals: %s',
    (body) => {
      expect(() => compileSource(new SourcePool(), helpers, body)).toThrow(/never should/);
    },
  );
});
