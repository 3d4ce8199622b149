import type { Readable } from 'node:stream';
import type {
  ChangedOrder,
  HistoryRecord,
  MappingRecord,
  SimulationJob,
} from '../../api/schemas/simulations.ts';

/**
 * What simulation as a service keeps: CSV mappings, uploaded histories (big files, streamed in and
 * out, never held whole in memory) and simulation jobs with their reports. Part of `Store`; both
 * stores implement it and `simulation-store.contract.ts` holds them to it.
 */
export interface MappingStore {
  list(clientId: string): Promise<MappingRecord[]>;
  get(clientId: string, mappingId: string): Promise<MappingRecord | undefined>;
  /** Creates or replaces; throws `RevisionConflictError` when `expectedRevision` is stale ("*": no check). */
  put(
    clientId: string,
    mappingId: string,
    mapping: Record<string, unknown>,
    expectedRevision: number | '*',
    by: string,
  ): Promise<MappingRecord>;
  /** False when there was none. */
  delete(clientId: string, mappingId: string): Promise<boolean>;
}

export interface HistoryStore {
  /**
   * Streams `body` into storage as the history's file and returns the bytes written. Nothing is
   * kept when `body` fails (an upload over its limit, a dropped connection): the error comes back.
   */
  writeFile(clientId: string, historyId: string, body: Readable): Promise<number>;
  /** Creates or replaces the record that describes a written file. */
  put(record: HistoryRecord): Promise<HistoryRecord>;
  get(clientId: string, historyId: string): Promise<HistoryRecord | undefined>;
  /** Newest first. */
  list(clientId: string): Promise<HistoryRecord[]>;
  /** Removes the record and the file; false when there was none. */
  delete(clientId: string, historyId: string): Promise<boolean>;
  /**
   * A file on this machine holding the history, for a simulation thread to read: the stored file
   * itself, or a copy written into `scratchDir` (which the caller removes).
   */
  localFile(clientId: string, historyId: string, scratchDir: string): Promise<string>;
}

/** A finished job's results, as files on this machine. */
export interface JobResultFiles {
  report: string;
  html: string;
  /** NDJSON, one `ChangedOrder` a line, in decision order. */
  changes: string;
}

export interface ChangesQueryInput {
  kind?: string;
  /** The `seq` to start from. */
  cursor: number;
  limit: number;
}

export interface SimulationJobStore {
  put(job: SimulationJob): Promise<SimulationJob>;
  get(clientId: string, simulationId: string): Promise<SimulationJob | undefined>;
  /** Newest first. */
  list(clientId: string): Promise<SimulationJob[]>;
  /** Every client's jobs still queued or running: on start, those a stopped server left behind. */
  listUnfinished(): Promise<SimulationJob[]>;
  /** Stores the results, durably, before the caller marks the job done: a done job always has them. */
  putResults(clientId: string, simulationId: string, files: JobResultFiles): Promise<void>;
  /** The JSON report as stored; undefined until the job is done. */
  report(clientId: string, simulationId: string): Promise<string | undefined>;
  html(clientId: string, simulationId: string): Promise<string | undefined>;
  changes(
    clientId: string,
    simulationId: string,
    query: ChangesQueryInput,
  ): Promise<{ changes: ChangedOrder[]; nextCursor: number | null }>;
}

export interface SimulationStores {
  readonly mappings: MappingStore;
  readonly histories: HistoryStore;
  readonly simulations: SimulationJobStore;
}
