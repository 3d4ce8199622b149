import type { SimulationStores } from '../simulation-store.ts';
import { EmbeddedHistories } from './embedded-histories.ts';
import { EmbeddedMappings } from './embedded-mappings.ts';
import { EmbeddedSimulations } from './embedded-simulations.ts';
import type { Workspace } from './workspace.ts';

/** Mappings, histories and simulation jobs in the workspace folder. */
export function embeddedSimulationStores(ws: Workspace): SimulationStores {
  return {
    mappings: new EmbeddedMappings(ws),
    histories: new EmbeddedHistories(ws),
    simulations: new EmbeddedSimulations(ws),
  };
}
