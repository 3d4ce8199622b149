/**
 * How big compiled rule JSON may get. Rules spell out every way to their node: a path is repeated
 * in each rule below it, and each join (two ways into one node) wraps the ways so far in `any`, so
 * a few dozen nodes of stacked joins can ask for gigabytes of JSON and conditions nested hundreds
 * deep. The compiler measures first and refuses such a graph with a `compiled_too_large` issue,
 * before anything is built, serialised or validated.
 */
export const COMPILE_LIMITS = {
  /** Condition objects in all rules together, plus node and edge ids in the source map. */
  maxCompiledSize: 100_000,
  /** Conditions nested in conditions, in any one rule. */
  maxConditionDepth: 100,
  /**
   * Objects and arrays nested in one node's content. Content schemas, migrations and `emit` all
   * recurse into it; deeper content is an issue on the node, never a RangeError out of the compiler.
   */
  maxContentDepth: 100,
} as const;

export type CompileLimits = { readonly [K in keyof typeof COMPILE_LIMITS]: number };

/** Whether `value` nests objects and arrays deeper than `max`, found without recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
