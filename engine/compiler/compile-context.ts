import type { Client } from '../client/index.ts';

/** What a graph is compiled against: the client whose warehouses, carriers and SKUs it may name. */
export interface CompileContext {
  client?: Client;
}
