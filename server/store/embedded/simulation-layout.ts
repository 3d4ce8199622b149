import { isId } from '../../../api/index.ts';
import { InputError } from '../../../engine/errors/index.ts';

const seg = (value: string, what: string): string => {
  // Ids are checked at the API boundary too; this keeps a bad one from ever becoming a path.
  if (!isId(value)) throw new InputError('invalid_id', `${what} ${JSON.stringify(value)} is not a valid id`);
  return value;
};

/**
 * Where simulation as a service keeps its records in DATA_DIR. Mappings are configuration, beside
 * the client's strategies (they can live in git); histories and jobs are data, kept out of git.
 */
export const simulationLayout = {
  mappings: (clientId: string) => `clients/${seg(clientId, 'client id')}/mappings`,
  mapping: (clientId: string, mappingId: string) =>
    `clients/${seg(clientId, 'client id')}/mappings/${seg(mappingId, 'mapping id')}.json`,
  histories: (clientId: string) => `histories/${seg(clientId, 'client id')}`,
  history: (clientId: string, historyId: string) =>
    `histories/${seg(clientId, 'client id')}/${seg(historyId, 'history id')}`,
  historyRecord: (clientId: string, historyId: string) =>
    `${simulationLayout.history(clientId, historyId)}/history.json`,
  /** The file as uploaded (gunzipped). */
  historyFile: (clientId: string, historyId: string) =>
    `${simulationLayout.history(clientId, historyId)}/orders.data`,
  simulationsRoot: 'simulations',
  simulations: (clientId: string) => `simulations/${seg(clientId, 'client id')}`,
  simulation: (clientId: string, simulationId: string) =>
    `simulations/${seg(clientId, 'client id')}/${seg(simulationId, 'simulation id')}`,
  job: (clientId: string, simulationId: string) =>
    `${simulationLayout.simulation(clientId, simulationId)}/job.json`,
  result: (clientId: string, simulationId: string, file: 'report.json' | 'report.html' | 'changes.ndjson') =>
    `${simulationLayout.simulation(clientId, simulationId)}/${file}`,
} as const;
