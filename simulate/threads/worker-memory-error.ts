import { OrdergraphError } from '../../engine/errors/index.ts';

/** A worker hit its heap cap: the history keeps more state than a simulation has room for. Not a bug. */
export class WorkerMemoryError extends OrdergraphError {
  readonly code = 'simulation_out_of_memory';

  constructor(role: string, heapMb: number) {
    super(
      `the ${role} worker ran out of its ${heapMb} MB heap: this history keeps more state (order ids, buyers) than fits; replay it in parts`,
    );
  }
}
