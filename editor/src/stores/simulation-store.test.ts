import { beforeEach, describe, expect, it } from 'vitest';
import type { SimulationReport } from '../core/simulation/report-view.ts';
import type { SimulationJob } from '../infrastructure/api/api-types.ts';
import { useSimulationStore } from './simulation-store.ts';

const { actions } = useSimulationStore.getState();
const job = (simulationId: string) => ({ simulationId, status: 'done' }) as SimulationJob;
const report = (hits: number) =>
  ({ ruleHits: [{ strategyId: 'carrier', rule: 'r', nodeIds: ['start', 'sf'], hits }] }) as SimulationReport;

describe('the simulation store', () => {
  beforeEach(() => actions.reset());

  it('counts hits for the strategy the job ran for, and shows a report only beside its own job', () => {
    actions.tracked('carrier', job('s1'));
    actions.finished(report(4));
    expect(useSimulationStore.getState().hits.get('sf')).toBe(4);
    actions.tracked('carrier', job('s2'));
    const s = useSimulationStore.getState();
    expect(s.job && s.reportOf === s.job.simulationId).toBe(false);
    // The badges of the last finished simulation stay while the next one runs.
    expect(s.hits.get('sf')).toBe(4);
  });

  it("opens a changed order with each side's nodes of the open strategy", () => {
    actions.tracked('carrier', job('s1'));
    actions.openChange({
      seq: 3,
      orderId: 'o-1',
      kinds: ['carrier'],
      baseline: {
        carrier: 'YUNDA',
        fired: [{ strategyId: 'carrier', rule: 'a', nodeIds: ['start', 'yunda'] }],
      },
      candidate: {
        carrier: 'ZTO',
        fired: [
          { strategyId: 'carrier', rule: 'b', nodeIds: ['start', 'zto'] },
          { strategyId: 'routing', rule: 'w', nodeIds: ['wh'] },
        ],
      },
    });
    const opened = useSimulationStore.getState().opened!;
    expect(opened.simulationId).toBe('s1');
    expect([...opened.baselineNodeIds]).toEqual(['start', 'yunda']);
    expect([...opened.candidateNodeIds]).toEqual(['start', 'zto']);
    expect(opened.candidateFired).toHaveLength(2);
    actions.closeChange();
    expect(useSimulationStore.getState().opened).toBeUndefined();
  });
});
