import type { MessagePort } from 'node:worker_threads';
import { Decider } from '../decide/decider.ts';
import type { DecideReply, DecideRequest, DecideWorkerData } from './messages.ts';

/**
 * Decides batches one after another, never two at once (state advances in order); on `finish`,
 * the tallies. Batches sent while the strategies compile wait in the queue. A failure to set up
 * rejects the queue, which ends the worker with the error for the main thread to report.
 */
export function runDecideWorker(port: MessagePort, data: DecideWorkerData): void {
  const ready = Decider.create(data);
  const reply = (message: DecideReply) => port.postMessage(message);
  const handle = async (request: DecideRequest) => {
    const decider = await ready;
    if (request.type === 'batch') {
      reply({
        type: 'decided',
        id: request.id,
        ...(await decider.decide(request.bytes, request.history, request.views)),
      });
    } else {
      reply({ type: 'finished', tallies: decider.tallies() });
    }
  };
  let queue: Promise<unknown> = ready;
  port.on('message', (request: DecideRequest) => {
    queue = queue.then(() => handle(request));
  });
}
