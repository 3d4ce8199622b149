import { type Connection, type Model, mongo, Schema } from 'mongoose';
import { MappingRecordSchema } from '../../../api/schemas/simulations.ts';
import { pathsFrom } from './zod-paths.ts';

export interface MappingDoc {
  clientId: string;
  mappingId: string;
  revision: number;
  body: string;
}
export interface HistoryDoc {
  clientId: string;
  historyId: string;
  createdAt: string;
  body: string;
}
export interface SimulationDoc {
  clientId: string;
  simulationId: string;
  status: string;
  createdAt: string;
  body: string;
}
/** One changed order of a finished job, by its position in decision order. */
export interface ChangeDoc {
  clientId: string;
  simulationId: string;
  seq: number;
  kinds: string[];
  body: string;
}

export interface SimulationModels {
  mappings: Model<MappingDoc>;
  histories: Model<HistoryDoc>;
  simulations: Model<SimulationDoc>;
  changes: Model<ChangeDoc>;
  /** History files as uploaded: `<clientId>/<historyId>`. */
  historyFiles: mongo.GridFSBucket;
  /** Finished jobs' reports: `<clientId>/<simulationId>/report.json` and `report.html`. */
  reportFiles: mongo.GridFSBucket;
}

const body = { type: String, required: true };
const options = { strictQuery: 'throw' as const, versionKey: false as const };
const key = { type: String, required: true };

/** Collections and GridFS buckets of simulation as a service, on the store's connection. */
export async function defineSimulationModels(connection: Connection): Promise<SimulationModels> {
  const mappings = new Schema<MappingDoc>(
    { ...pathsFrom(MappingRecordSchema.shape, ['clientId', 'mappingId', 'revision']), body },
    options,
  );
  mappings.index({ clientId: 1, mappingId: 1 }, { unique: true });
  const histories = new Schema<HistoryDoc>({ clientId: key, historyId: key, createdAt: key, body }, options);
  histories.index({ clientId: 1, historyId: 1 }, { unique: true });
  const simulations = new Schema<SimulationDoc>(
    { clientId: key, simulationId: key, status: key, createdAt: key, body },
    options,
  );
  simulations.index({ clientId: 1, simulationId: 1 }, { unique: true });
  simulations.index({ status: 1 });
  const changes = new Schema<ChangeDoc>(
    { clientId: key, simulationId: key, seq: { type: Number, required: true }, kinds: [String], body },
    options,
  );
  changes.index({ clientId: 1, simulationId: 1, seq: 1 }, { unique: true });
  const db = connection.db;
  if (!db) throw new Error('the MongoDB connection is not open');
  const models: SimulationModels = {
    mappings: connection.model('Mapping', mappings, 'mappings'),
    histories: connection.model('History', histories, 'histories'),
    simulations: connection.model('Simulation', simulations, 'simulations'),
    changes: connection.model('SimulationChange', changes, 'simulation_changes'),
    historyFiles: new mongo.GridFSBucket(db, { bucketName: 'historyFiles' }),
    reportFiles: new mongo.GridFSBucket(db, { bucketName: 'reportFiles' }),
  };
  await Promise.all(
    [models.mappings, models.histories, models.simulations, models.changes].map((m) => m.init()),
  );
  return models;
}
