import { parentPort, workerData } from 'node:worker_threads';
import type { DecideWorkerData, PrepareWorkerData } from './messages.ts';

/** The entry of every simulation worker: it takes up the role its data names. */
const data = workerData as PrepareWorkerData | DecideWorkerData;
if (!parentPort) throw new Error('worker-main.ts runs in a worker thread');
if (data.role === 'prepare') (await import('./prepare-worker.ts')).runPrepareWorker(parentPort, data);
else (await import('./decide-worker.ts')).runDecideWorker(parentPort, data);
