import { OrdergraphError } from '../../engine/errors/index.ts';

/**
 * A worker hit its heap cap. Seen ids and buyer counts live in the order history, not in a worker,
 * so what fills a decider is the state its strategies keep (the snapshot, open merge groups,
 * counters), and a prepare worker one run of orders (one order far larger than the rest).
 */
export class WorkerMemoryError extends OrdergraphError {
  readonly code = 'simulation_out_of_memory';

  constructor(role: string, heapMb: number) {
    super(
      `the ${role} worker ran out of its ${heapMb} MB heap: ${role === 'decide' ? "the strategies' state (the snapshot, open merge groups, counters) does not fit" : 'one run of orders does not fit (an order far larger than the rest?)'}`,
    );
  }
}
