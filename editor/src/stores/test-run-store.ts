import { create } from 'zustand';
import type { AdapterPlatform, CompiledStrategy, StrategyTestOutcome } from '../core/engine.ts';
import type { DraftRun } from '../core/test-run/run-draft.ts';

/** Where the test order comes from: one of the strategy's own tests, a bundled sample, or pasted text. */
export type OrderSource =
  | { kind: 'test'; index: number }
  | { kind: 'sample'; name: string }
  | { kind: 'paste' };

interface TestRunState {
  source: OrderSource;
  pasted: string;
  /** `auto`: detected from the order's fields. */
  platform: AdapterPlatform | 'auto';
  /** `pipeline`: the published strategies run around the draft (remark before carrier …); `alone`: the draft only. */
  scope: 'pipeline' | 'alone';
  running: boolean;
  run: DraftRun | undefined;
  /** The published versions of the client's other strategies, loaded once per client. */
  others: { clientId: string; stages: CompiledStrategy[] } | undefined;
  ownTests: StrategyTestOutcome[] | undefined;
  actions: {
    setSource(source: OrderSource): void;
    setPasted(text: string): void;
    setPlatform(platform: AdapterPlatform | 'auto'): void;
    setScope(scope: 'pipeline' | 'alone'): void;
    started(): void;
    finished(run: DraftRun | undefined): void;
    setOthers(clientId: string, stages: CompiledStrategy[]): void;
    setOwnTests(outcomes: StrategyTestOutcome[] | undefined): void;
    reset(): void;
  };
}

export const useTestRunStore = create<TestRunState>()((set) => ({
  source: { kind: 'sample', name: 'standard-hangzhou' },
  pasted: '',
  platform: 'auto',
  scope: 'pipeline',
  running: false,
  run: undefined,
  others: undefined,
  ownTests: undefined,
  actions: {
    setSource: (source) => set({ source }),
    setPasted: (pasted) => set({ pasted, source: { kind: 'paste' } }),
    setPlatform: (platform) => set({ platform }),
    setScope: (scope) => set({ scope }),
    started: () => set({ running: true }),
    finished: (run) => set({ running: false, run }),
    setOthers: (clientId, stages) => set({ others: { clientId, stages } }),
    setOwnTests: (ownTests) => set({ ownTests }),
    reset: () => set({ run: undefined, ownTests: undefined, running: false }),
  },
}));

export const useTestRun = () => useTestRunStore((s) => s.run);
export const useTestRunning = () => useTestRunStore((s) => s.running);
export const useOrderSource = () => useTestRunStore((s) => s.source);
export const usePasted = () => useTestRunStore((s) => s.pasted);
export const useTestPlatform = () => useTestRunStore((s) => s.platform);
export const useTestScope = () => useTestRunStore((s) => s.scope);
export const useOwnTests = () => useTestRunStore((s) => s.ownTests);
export const useTestRunActions = () => useTestRunStore((s) => s.actions);
