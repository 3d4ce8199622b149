/** A path into JSON data: object keys and array indexes, e.g. `rules[0].when.spend` → ['rules', 0, 'when', 'spend']. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export function parsePath(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[1] !== undefined) out.push(match[1]);
  }
  return out;
}

export function formatPath(path: Path): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment,
    '',
  );
}

export function getAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/**
 * A copy of `data` with `value` at `path`, sharing every untouched branch; missing containers are
 * made (an array for a numeric segment). `undefined` deletes an object key.
 */
export function setAt(data: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  if (typeof head === 'number') {
    const list = Array.isArray(data) ? [...data] : [];
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? { ...data } : {};
  const next = setAt((record as Record<string, unknown>)[head], rest, value);
  if (next === undefined) delete (record as Record<string, unknown>)[head];
  else (record as Record<string, unknown>)[head] = next;
  return record;
}
