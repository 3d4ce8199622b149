import { type AnyNodeKind, FAMILIES, NODE_KINDS, type NodeKindName } from '../../core/engine.ts';

export interface PaletteGroup {
  /** `flow` (conditions, switches, tables, actions) or a family (审单, 分仓 …). */
  id: string;
  kinds: { kind: NodeKindName; def: AnyNodeKind }[];
}

/** The registry's kinds grouped by family, flow first, families in pipeline order; start is not offered (one per strategy). */
export function paletteGroups(): PaletteGroup[] {
  const entries = (Object.entries(NODE_KINDS) as [NodeKindName, AnyNodeKind][]).filter(
    ([kind]) => kind !== 'start',
  );
  return ['flow', ...FAMILIES]
    .map((id) => ({
      id,
      kinds: entries.filter(([, def]) => def.group === id).map(([kind, def]) => ({ kind, def })),
    }))
    .filter((group) => group.kinds.length > 0);
}
