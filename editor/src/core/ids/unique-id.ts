/** Ids follow the graph schema: letters, digits, "_", ".", ":" or "-". */
const UNSAFE = /[^A-Za-z0-9_.:-]+/g;

export function slug(text: string): string {
  return text.replace(UNSAFE, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** `base`, or `base-2`, `base-3` … : the first one not yet taken. Readable ids make diffs and traces readable. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = slug(base);
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const candidate = `${clean}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
