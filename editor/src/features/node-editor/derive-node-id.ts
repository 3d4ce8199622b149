import { renameNodeId } from '../../core/document/operations.ts';
import { idForName } from '../../core/ids/name-id.ts';
import { loadedPinyin, loadPinyin } from '../../core/ids/pinyin.ts';
import { isProvisional, markProvisional, settle } from '../../core/ids/provisional-ids.ts';
import { isKindId, needsRomanising } from '../../core/ids/readable-id.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { useSelectionStore } from '../../stores/selection-store.ts';

const strategyKey = () => {
  const info = useDocumentStore.getState().info;
  return info ? `${info.clientId}/${info.strategyId}` : '';
};

/** Typing a Chinese name starts fetching pinyin, so it is usually there by the time the field is left. */
export function prefetchPinyinFor(name: string): void {
  if (!loadedPinyin() && needsRomanising(name)) loadPinyin().catch(() => undefined);
}

/**
 * A node still called after its kind (or by an id derived before pinyin arrived) takes an id from its
 * name once named: traces read `wei-fu-kuan-lan-jie`. An id the consultant typed is never replaced.
 */
export function deriveNodeId(nodeId: string): void {
  const doc = useDocumentStore.getState().history?.present;
  const node = doc?.nodes.find((n) => n.id === nodeId);
  const strategy = strategyKey();
  if (!doc || !node || !(isKindId(nodeId, node.kind) || isProvisional(strategy, nodeId))) return;
  const romanise = loadedPinyin();
  const to = idForName(doc.nodes, nodeId, node.name, romanise) ?? nodeId;
  settle(nodeId);
  if (to !== nodeId) rename(nodeId, to);
  if (romanise || !needsRomanising(node.name)) return;
  // Meanwhile the latin part of the name (or the kind) stands in; fixed up once pinyin arrives.
  markProvisional(strategy, to);
  loadPinyin().then(
    () => {
      if (isProvisional(strategyKey(), to)) deriveNodeId(to);
    },
    // Offline or redeployed: the stand-in stays provisional, and the next naming tries again.
    () => undefined,
  );
}

function rename(from: string, to: string): void {
  useDocumentStore.getState().actions.edit((current) => renameNodeId(current, from, to) ?? current);
  const { nodeIds, actions } = useSelectionStore.getState();
  if (nodeIds.has(from)) actions.select([...nodeIds].map((id) => (id === from ? to : id)));
}
