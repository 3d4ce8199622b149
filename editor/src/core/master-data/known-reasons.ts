/**
 * Hold and flag reason codes a client already uses: every string under a `reason` key of the
 * documents given (strategies, compiled rules), and every key of reason counts (a simulation's
 * `holdReasons`). Codes are free text to the engine; offering the ones in use keeps a client's
 * `address_problem` from also appearing as `address-issue`.
 */
export function knownReasons(
  documents: readonly unknown[],
  counts: readonly (object | undefined)[],
): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (depth > 40 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'reason' && typeof inner === 'string' && inner) found.add(inner);
      else walk(inner, depth + 1);
    }
  };
  for (const doc of documents) walk(doc, 0);
  for (const record of counts) for (const key of Object.keys(record ?? {})) found.add(key);
  return [...found].sort();
}
