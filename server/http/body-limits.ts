import { joinPath } from '../../engine/errors/index.ts';
import { ApiError } from '../errors/api-error.ts';

/** What one request body may hold, beyond its size in bytes. Set from the environment (server/config.ts). */
export interface RequestLimits {
  /** Nodes in one strategy graph: MAX_GRAPH_NODES. */
  maxGraphNodes: number;
  /** Edges in one strategy graph: MAX_GRAPH_EDGES. */
  maxGraphEdges: number;
  /** Objects and arrays nested in one body, counted from its top: MAX_JSON_DEPTH. */
  maxJsonDepth: number;
  /** Characters in one string (or object key) of a strategy: MAX_STRING_LENGTH. */
  maxStringLength: number;
}

/** The environment variable that sets each limit: what a 413 names, so an operator knows what to raise. */
export const LIMIT_VARIABLES: Record<keyof RequestLimits, string> = {
  maxGraphNodes: 'MAX_GRAPH_NODES',
  maxGraphEdges: 'MAX_GRAPH_EDGES',
  maxJsonDepth: 'MAX_JSON_DEPTH',
  maxStringLength: 'MAX_STRING_LENGTH',
};

/** A body over one of the limits: 413, naming the limit, its value and the field that broke it. */
export class LimitExceededError extends ApiError {
  constructor(limit: keyof RequestLimits, max: number, field: string, what: string) {
    const variable = LIMIT_VARIABLES[limit];
    super(413, 'limit_exceeded', `${field || 'body'}: ${what}; the limit is ${max} (${variable})`, {
      limit: variable,
      max,
      field,
    });
  }
}

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: string | number;
}

function pathOf(frame: Frame | undefined, key?: string | number): string {
  const keys: (string | number)[] = key === undefined ? [] : [key];
  for (let f = frame; f?.parent; f = f.parent) keys.push(f.key);
  return joinPath('', keys.reverse());
}

/** True when `body` is within the limits: a quick walk, no paths kept, on every body of every request. */
function withinLimits(body: unknown, maxDepth: number, maxString: number): boolean {
  if (typeof body === 'string') return body.length <= maxString;
  const values: unknown[] = [body];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxDepth) return false;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item === 'string') {
          if (item.length > maxString) return false;
        } else if (item !== null && typeof item === 'object') {
          values.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in value) {
      if (key.length > maxString) return false;
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'string') {
        if (item.length > maxString) return false;
      } else if (item !== null && typeof item === 'object') {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return true;
}

/** Walks again, keeping where each value sits, to name the first field over a limit. */
function firstViolation(body: unknown, maxDepth: number, maxString: number): LimitExceededError | undefined {
  const tooLong = (text: string, at: () => string, noun: 'string' | 'key') =>
    text.length > maxString
      ? new LimitExceededError('maxStringLength', maxString, at(), `a ${noun} of ${text.length} characters`)
      : undefined;
  if (typeof body === 'string') return tooLong(body, () => '', 'string');
  if (body === null || typeof body !== 'object') return undefined;
  const stack: Frame[] = [{ value: body, depth: 1, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > maxDepth) {
      return new LimitExceededError(
        'maxJsonDepth',
        maxDepth,
        pathOf(frame),
        `nested more than ${maxDepth} objects and arrays deep`,
      );
    }
    const entries: [string | number, unknown][] = Array.isArray(frame.value)
      ? frame.value.map((v, i) => [i, v])
      : Object.entries(frame.value);
    for (const [key, value] of entries) {
      // A key too long is named by where it sits, not by itself: the message must stay short.
      const violation =
        (typeof key === 'string' ? tooLong(key, () => pathOf(frame), 'key') : undefined) ??
        (typeof value === 'string' ? tooLong(value, () => pathOf(frame, key), 'string') : undefined);
      if (violation) return violation;
      if (value !== null && typeof value === 'object') {
        stack.push({ value, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return undefined;
}

/**
 * Walks a parsed body with its own stack, before anything recursive (zod, JSON.stringify, the
 * compiler) sees it: a body nested 100,000 deep is 600 KB, well under any size limit, and would
 * overflow the call stack of every one of them. Strings and keys are checked when
 * `maxStringLength` is given. Throws LimitExceededError naming the first field over a limit.
 */
export function checkJsonShape(
  body: unknown,
  limits: { maxJsonDepth: number; maxStringLength?: number },
): void {
  const { maxJsonDepth, maxStringLength = Number.POSITIVE_INFINITY } = limits;
  if (withinLimits(body, maxJsonDepth, maxStringLength)) return;
  const violation = firstViolation(body, maxJsonDepth, maxStringLength);
  if (violation) throw violation;
}

/** A strategy graph within the node, edge, string and nesting limits; checked before it is validated. */
export function checkGraphLimits(body: unknown, limits: RequestLimits): void {
  const graph = (body ?? {}) as { nodes?: unknown; edges?: unknown };
  if (Array.isArray(graph.nodes) && graph.nodes.length > limits.maxGraphNodes) {
    throw new LimitExceededError(
      'maxGraphNodes',
      limits.maxGraphNodes,
      'nodes',
      `${graph.nodes.length} nodes`,
    );
  }
  if (Array.isArray(graph.edges) && graph.edges.length > limits.maxGraphEdges) {
    throw new LimitExceededError(
      'maxGraphEdges',
      limits.maxGraphEdges,
      'edges',
      `${graph.edges.length} edges`,
    );
  }
  checkJsonShape(body, limits);
}
