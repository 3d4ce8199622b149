import { create } from 'zustand';
import { nodeHits } from '../core/simulation/node-hits.ts';
import type { SimulationReport } from '../core/simulation/report-view.ts';
import type { ChangedOrder, SimulationJob } from '../infrastructure/api/api-types.ts';

/** A rule a pipeline fired for a changed order, as the changes API lists it. */
export interface FiredRule {
  strategyId: string;
  rule: string;
  nodeIds: string[];
}

/**
 * A changed order opened from the simulation panel, for the test panel to show with both traces
 * lit. The changes API carries both decisions with the rules each fired and, as a rule, the order
 * itself (`change.order`, or `orderMissing` saying why not); the node ids are those of the open
 * strategy.
 */
export interface OpenedChange {
  simulationId: string;
  change: ChangedOrder;
  baselineFired: FiredRule[];
  candidateFired: FiredRule[];
  /** Nodes of the open strategy on the paths of the rules each side fired. */
  baselineNodeIds: ReadonlySet<string>;
  candidateNodeIds: ReadonlySet<string>;
}

interface SimulationState {
  /** The strategy the panel's job and report belong to: badges show on its canvas only. */
  strategyId: string | undefined;
  job: SimulationJob | undefined;
  report: SimulationReport | undefined;
  /** The job the report is of: a newer job shows no older report beside its own status. */
  reportOf: string | undefined;
  /** Per node of the strategy, the candidate's rule hits in the last finished simulation. */
  hits: ReadonlyMap<string, number>;
  opened: OpenedChange | undefined;
  actions: {
    tracked(strategyId: string, job: SimulationJob): void;
    finished(report: SimulationReport): void;
    openChange(change: ChangedOrder): void;
    closeChange(): void;
    reset(): void;
  };
}

const NONE: ReadonlyMap<string, number> = new Map();

const firedOf = (decision: Record<string, unknown>): FiredRule[] =>
  Array.isArray(decision.fired) ? (decision.fired as FiredRule[]) : [];

const nodesOf = (fired: FiredRule[], strategyId: string | undefined) =>
  new Set(fired.filter((f) => f.strategyId === strategyId).flatMap((f) => f.nodeIds));

export const useSimulationStore = create<SimulationState>()((set, get) => ({
  strategyId: undefined,
  job: undefined,
  report: undefined,
  reportOf: undefined,
  hits: NONE,
  opened: undefined,
  actions: {
    tracked(strategyId, job) {
      // A new job's report replaces the last one only when it arrives: the badges stay meanwhile.
      set({ strategyId, job });
    },
    finished(report) {
      const { strategyId, job } = get();
      set({
        report,
        reportOf: job?.simulationId,
        hits: strategyId ? nodeHits(report.ruleHits, strategyId) : NONE,
      });
    },
    openChange(change) {
      const { job, strategyId } = get();
      if (!job) return;
      const baselineFired = firedOf(change.baseline);
      const candidateFired = firedOf(change.candidate);
      set({
        opened: {
          simulationId: job.simulationId,
          change,
          baselineFired,
          candidateFired,
          baselineNodeIds: nodesOf(baselineFired, strategyId),
          candidateNodeIds: nodesOf(candidateFired, strategyId),
        },
      });
    },
    closeChange() {
      set({ opened: undefined });
    },
    reset() {
      set({
        strategyId: undefined,
        job: undefined,
        report: undefined,
        reportOf: undefined,
        hits: NONE,
        opened: undefined,
      });
    },
  },
}));

export const useSimulationJob = () => useSimulationStore((s) => s.job);
/** The report of the job the panel follows, once that job has one. */
export const useSimulationReport = () =>
  useSimulationStore((s) => (s.job && s.reportOf === s.job.simulationId ? s.report : undefined));
/** The node's hit count in the last simulation, or undefined when no rule crosses it (or none ran). */
export const useNodeSimHits = (nodeId: string) => useSimulationStore((s) => s.hits.get(nodeId));
/** The changed order the simulation panel opened, for the test panel. */
export const useOpenedChange = () => useSimulationStore((s) => s.opened);
export const useSimulationActions = () => useSimulationStore((s) => s.actions);
