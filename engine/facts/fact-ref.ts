/**
 * Graphs name facts as dotted paths ("receiver.province", "amounts.total", "skus");
 * json-rules-engine wants the top-level fact plus a JSONPath into it. This is the one
 * place that translates between the two.
 */
export interface FactRef {
  fact: string;
  path?: string;
}

export function toFactRef(dotted: string): FactRef {
  const dot = dotted.indexOf('.');
  if (dot < 0) return { fact: dotted };
  return { fact: dotted.slice(0, dot), path: `$.${dotted.slice(dot + 1)}` };
}

export function fromFactRef(ref: FactRef): string {
  if (ref.path === undefined || ref.path === '$') return ref.fact;
  return `${ref.fact}${ref.path.startsWith('$') ? ref.path.slice(1) : `.${ref.path}`}`;
}

/** Reads a dotted path from plain data; the trace uses it to show the facts a rule read. */
export function readPath(data: unknown, dotted: string): unknown {
  let current: unknown = data;
  for (const key of dotted.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
