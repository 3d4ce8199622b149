/**
 * The one place generated code is assembled. Every value from the rule set — constants, fact
 * names, path segments, hits, helper functions — enters the source only as `c<index>`, a constant
 * bound to this pool's entry, never as text. `compileSource` enforces it: besides the two
 * `typeof` literals the templates use, source containing a quote, backtick, slash or backslash is
 * a bug and is refused, so no rule-set string can ever be parsed as code.
 */
export class SourcePool {
  readonly values: unknown[] = [];
  private readonly indexOf = new Map<unknown, number>();

  /** `c<i>` for a value, one entry per distinct value (SameValueZero, so by identity for objects). */
  ref(value: unknown): string {
    let index = this.indexOf.get(value);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.indexOf.set(value, index);
    }
    return `c${index}`;
  }
}

/** Identifiers, integers, whitespace and operators: nothing that can open a literal or a comment. */
const SAFE_SOURCE = /^[A-Za-z0-9_\s()[\]{}.,;:=!&|<>?+-]*$/;
const TEMPLATE_LITERALS = /'(?:function|object)'/g;

/** Helpers the generated code may name directly, besides the constants. */
export interface SourceHelpers {
  isArray: (value: unknown) => boolean;
  isNumeric: (value: unknown) => boolean;
  hasOwn: (value: object, key: PropertyKey) => boolean;
}

export function compileSource<T>(pool: SourcePool, helpers: SourceHelpers, body: string): T {
  if (!SAFE_SOURCE.test(body.replace(TEMPLATE_LITERALS, ''))) {
    throw new Error('generated rule code contains a character it never should');
  }
  // `new Function` over a body of fixed templates and pool indices only (see above).
  // Each pool entry becomes a `const` of the factory's scope: no array load on the hot path.
  const constants = pool.values.map((_, i) => `c${i} = k[${i}]`).join(', ');
  const source = constants ? `const ${constants};\n${body}` : body;
  const factory = new Function('k', 'isArray', 'isNumeric', 'hasOwn', source) as (
    k: unknown[],
    isArray: SourceHelpers['isArray'],
    isNumeric: SourceHelpers['isNumeric'],
    hasOwn: SourceHelpers['hasOwn'],
  ) => T;
  return factory(pool.values, helpers.isArray, helpers.isNumeric, helpers.hasOwn);
}
