import type { SimulationJob } from '../../api/schemas/simulations.ts';

/** How much of a job each phase is, roughly, by the time it takes (deciding dominates). */
const PHASES: Record<string, { start: number; share: number }> = {
  reading: { start: 0, share: 0.3 },
  deciding: { start: 0.3, share: 0.65 },
  reporting: { start: 0.95, share: 0.05 },
};

/** A job's status after a progress report from its thread: overall progress 0–1 and a linear ETA. */
export function withProgress(
  job: SimulationJob,
  phase: string,
  phaseProgress: number,
  orders: number,
  now = Date.now(),
): SimulationJob {
  const { start, share } = PHASES[phase] ?? { start: job.progress, share: 0 };
  const progress = Math.min(0.99, Math.max(job.progress, start + share * phaseProgress));
  const elapsed = job.startedAt ? (now - Date.parse(job.startedAt)) / 1000 : 0;
  const etaSeconds =
    progress >= 0.01 && elapsed > 0 ? Math.ceil((elapsed * (1 - progress)) / progress) : null;
  return { ...job, phase, progress, ordersDone: Math.max(0, orders), etaSeconds };
}
