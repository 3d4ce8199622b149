import { useMemo } from 'react';
import { knownReasons } from '../core/master-data/known-reasons.ts';
import { useDoc } from '../stores/document-store.ts';
import { useSimulationStore } from '../stores/simulation-store.ts';
import { useTestRunStore } from '../stores/test-run-store.ts';

/** The client's reason codes in use: this strategy, its published neighbours once loaded, and the last simulation. */
export function useKnownReasons(): string[] {
  const doc = useDoc();
  const others = useTestRunStore((s) => s.others?.stages);
  const report = useSimulationStore((s) => s.report);
  return useMemo(
    () =>
      knownReasons(
        [doc?.nodes, others],
        [report?.holdReasons, report?.baseline?.holdReasons, report?.flagReasons],
      ),
    [doc?.nodes, others, report],
  );
}
