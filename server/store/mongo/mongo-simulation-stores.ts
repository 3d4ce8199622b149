import type { Connection } from 'mongoose';
import type { SimulationStores } from '../simulation-store.ts';
import { MongoHistories } from './mongo-histories.ts';
import { MongoMappings } from './mongo-mappings.ts';
import { MongoSimulations } from './mongo-simulations.ts';
import { defineSimulationModels } from './simulation-models.ts';

/** Mappings, histories (GridFS) and simulation jobs on the store's MongoDB connection. */
export async function mongoSimulationStores(connection: Connection): Promise<SimulationStores> {
  const models = await defineSimulationModels(connection);
  return {
    mappings: new MongoMappings(models),
    histories: new MongoHistories(models),
    simulations: new MongoSimulations(models),
  };
}
