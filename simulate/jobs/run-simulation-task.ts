import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStrategies } from '../../engine/loader/index.ts';
import type { ProgressSink } from '../progress.ts';
import { renderHtml } from '../report/html/render-html.ts';
import { simulate } from '../simulate.ts';
import { attachOrders } from './attach-orders.ts';
import { logOf, summariseLogs } from './decision-logs.ts';
import type { JobReply, SimulateTask } from './messages.ts';
import { strategiesFingerprint } from './recording-pipeline.ts';

/**
 * The module simulate's decide threads load the pipeline from: its bundle beside this one in a build
 * (`import.meta.dirname`: the build rewrites only `import.meta.url`), else the source.
 */
const RECORDING_PIPELINE =
  typeof ORDERGRAPH_DIST !== 'undefined'
    ? join(import.meta.dirname, 'simulation-recorder.js')
    : fileURLToPath(new URL('./recording-pipeline.ts', import.meta.url));

/** Progress messages at most this often: a job's status is polled, not watched frame by frame. */
const PROGRESS_EVERY_MS = 250;

/**
 * Runs one simulation job: `simulate()` with the recording pipeline, then the decision logs read
 * into business metrics and changed orders, then the JSON and HTML reports, all in `workDir`.
 */
export async function runSimulationTask(task: SimulateTask, post: (reply: JobReply) => void): Promise<void> {
  const recordDir = task.workDir;
  const report = await simulate({
    strategies: task.strategies,
    ...(task.baseline ? { baseline: task.baseline } : {}),
    orders: task.orders,
    ...(task.mapping ? { mapping: task.mapping } : {}),
    ...(task.platform ? { platform: task.platform } : {}),
    ...(task.state ? { state: task.state } : {}),
    ...(task.limit ? { limit: task.limit } : {}),
    ...(task.workers ? { workers: task.workers } : {}),
    decideAfterMinutes: task.decideAfterMinutes,
    tempDir: task.workDir,
    pipelineFactory: {
      module: RECORDING_PIPELINE,
      export: 'createRecordingPipeline',
      options: {
        ...task.pipeline?.options,
        recordDir,
        ...(task.pipeline ? { inner: { module: task.pipeline.module, export: task.pipeline.export } } : {}),
      },
    },
    progress: progressPoster(post),
  });
  post({ type: 'progress', phase: 'reporting', progress: 1, orders: report.orders });
  const candidateLog = logOf(recordDir, fingerprintOf(task.strategies));
  const baselineLog = task.baseline ? logOf(recordDir, fingerprintOf(task.baseline)) : undefined;
  const changes = join(task.workDir, 'changes.ndjson');
  // No decision log when nothing was decided (every row skipped): the metrics are all zero.
  const summary = candidateLog
    ? await summariseLogs(candidateLog, baselineLog, changes)
    : await summariseLogs(
        emptyLog(task.workDir),
        task.baseline ? emptyLog(task.workDir) : undefined,
        changes,
      );
  if (summary.changed) await attachOrders(changes, task);
  const labelled = {
    ...report,
    input: {
      ...report.input,
      file: task.labels.orders,
      mapping: task.labels.mapping,
      state: task.labels.state,
    },
    strategies: { ...report.strategies, path: task.labels.strategies },
    ...(report.baseline
      ? { baseline: { ...report.baseline, path: task.labels.baseline ?? 'baseline' } }
      : {}),
    business: summary.business,
  };
  const reportFile = join(task.workDir, 'report.json');
  const htmlFile = join(task.workDir, 'report.html');
  writeFileSync(reportFile, JSON.stringify(labelled));
  writeFileSync(htmlFile, renderHtml(labelled, summary.business));
  post({
    type: 'simulated',
    report: reportFile,
    html: htmlFile,
    changes,
    summary: {
      orders: report.orders,
      decided: report.decided,
      skippedTotal: report.skippedTotal,
      changed: report.changed?.count ?? summary.changed,
      ordersPerSecond: report.ordersPerSecond,
    },
  });
}

function fingerprintOf(folder: string): string {
  const compiled = loadStrategies(folder).strategies.map((s) => {
    if (!s.result.ok) throw new Error(`${s.file} does not compile`);
    return s.result.compiled;
  });
  return strategiesFingerprint(compiled);
}

function emptyLog(dir: string): string {
  const file = join(dir, 'empty.ndjson');
  writeFileSync(file, '');
  return file;
}

/** Phases as the job reports them: reading (share of bytes) then deciding (share of orders). */
function progressPoster(post: (reply: JobReply) => void): ProgressSink {
  let phase = 'reading';
  let total = 1;
  let last = 0;
  return {
    phase(name, phaseTotal) {
      phase = name;
      total = Math.max(1, phaseTotal);
      last = 0;
      post({ type: 'progress', phase, progress: 0, orders: 0 });
    },
    update(done, orders) {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      post({ type: 'progress', phase, progress: Math.min(1, done / total), orders });
    },
    done() {},
  };
}
