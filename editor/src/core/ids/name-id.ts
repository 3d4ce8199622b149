import { idFromName, type Romanise } from './readable-id.ts';
import { uniqueId } from './unique-id.ts';

interface HasId {
  readonly id: string;
}

/** The id a name gives among these nodes, or undefined when it gives none or the node has it already. */
export function idForName(
  nodes: readonly HasId[],
  id: string,
  name: string,
  romanise?: Romanise,
): string | undefined {
  const wanted = idFromName(name, romanise);
  if (!wanted) return undefined;
  // The node's own id is not taken from it: `vip` named again stays `vip`, not `vip-2`.
  const to = uniqueId(wanted, new Set(nodes.map((n) => n.id).filter((other) => other !== id)));
  return to === id ? undefined : to;
}
