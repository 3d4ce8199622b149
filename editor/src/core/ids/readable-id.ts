/** An id the editor made from the kind (`condition`, `condition-2`): the consultant has not chosen one. */
export const isKindId = (id: string, kind: string) => new RegExp(`^${kind}(-\\d+)?$`).test(id);

/**
 * An id from a node's name, for traces and diffs that read `vip-orders` rather than `condition-2`:
 * its latin words and digits, lower case. A name with none (most Chinese names) gives none,
 * and the id stays as it was.
 */
export function idFromName(name: string): string | undefined {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return words ? words.join('-').slice(0, 48) : undefined;
}

/** What the graph schema accepts as an id. */
export const VALID_ID = /^[A-Za-z0-9_.:-]+$/;
