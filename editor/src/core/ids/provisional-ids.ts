/**
 * Ids the editor derived from a Chinese name before pinyin had loaded (`condition-2`, or `vip` for
 * `VIP 大单打标`): still the editor's, so the pinyin id replaces them once it can. Keyed by node id,
 * with the strategy they belong to; an id the consultant types is taken off the list for good.
 */
const provisional = new Map<string, string>();

export function markProvisional(strategy: string, id: string): void {
  provisional.set(id, strategy);
}

export const isProvisional = (strategy: string, id: string) => provisional.get(id) === strategy;

/** No longer the editor's to change: typed by the consultant, or already replaced. */
export function settle(id: string): void {
  provisional.delete(id);
}
