import { useInspectedNodeId } from '../../stores/selection-store.ts';
import { NodeInspector } from './NodeInspector.tsx';
import { StrategySettings } from './StrategySettings.tsx';

/** The right panel's first tab: the one selected node, or the strategy when none is. */
export function Inspector() {
  const nodeId = useInspectedNodeId();
  return nodeId ? <NodeInspector key={nodeId} nodeId={nodeId} /> : <StrategySettings />;
}
