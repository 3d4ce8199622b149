import { InMemoryState } from '../../engine/state/index.ts';
import { InProcessState } from './in-process-state.ts';
import { describeLiveStateContract } from './live-state.contract.ts';

describeLiveStateContract('in one process (InMemoryState)', () => ({
  maxEvaluators: 1,
  open: async (snapshot) => [new InProcessState(new InMemoryState(snapshot))],
  close: async () => undefined,
}));
