import type { SimulationReport } from '../../core/simulation/report-view.ts';
import {
  cancelSimulation,
  getReport,
  getSimulation,
  startSimulation,
} from '../../infrastructure/api/simulation-api.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { useSimulationStore } from '../../stores/simulation-store.ts';

const POLL_MS = 600;
const ENDED = new Set(['done', 'failed', 'cancelled']);

/**
 * Follows a job until it ends, then fetches its report. Not tied to the panel: the consultant may
 * switch tabs while it runs, and the badges arrive on the canvas all the same. A newer job or
 * another strategy opened ends the loop.
 */
async function follow(clientId: string, simulationId: string): Promise<void> {
  const store = useSimulationStore.getState;
  const current = () => store().job?.simulationId === simulationId;
  while (current()) {
    const job = await getSimulation(clientId, simulationId);
    if (!current()) return;
    store().actions.tracked(store().strategyId ?? '', job);
    if (job.status === 'done') {
      const report = (await getReport(clientId, simulationId)) as SimulationReport;
      if (current()) store().actions.finished(report);
      return;
    }
    if (ENDED.has(job.status)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Replays a history: with `draft`, the open strategy's saved draft in place of its live version
 * (unsaved edits are saved first, since the server replays what it has), else the live release alone.
 */
export async function runSimulation(historyId: string, draft: boolean): Promise<void> {
  const documents = useDocumentStore.getState();
  const doc = documents.history?.present;
  if (!doc) return;
  if (draft && documents.saved !== doc && !(await documents.actions.save())) {
    throw new Error(useDocumentStore.getState().saveError ?? 'save failed');
  }
  const simulationId = await startSimulation(doc.clientId, historyId, draft ? doc.id : undefined);
  const job = await getSimulation(doc.clientId, simulationId);
  useSimulationStore.getState().actions.tracked(doc.id, job);
  await follow(doc.clientId, simulationId);
}

export async function cancelRun(): Promise<void> {
  const { job, strategyId, actions } = useSimulationStore.getState();
  if (!job) return;
  actions.tracked(strategyId ?? '', await cancelSimulation(job.clientId, job.simulationId));
}
