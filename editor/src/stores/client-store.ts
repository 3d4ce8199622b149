import { create } from 'zustand';
import { type Client, ClientSchema } from '../core/engine.ts';
import type { ClientRecord, StrategySummary } from '../infrastructure/api/api-types.ts';
import { getClient, listClients, listStrategies } from '../infrastructure/api/ordergraph-api.ts';

interface ClientState {
  clients: ClientRecord[] | undefined;
  clientId: string | undefined;
  /** The open client's master data, with zod's defaults filled in, for pickers and the compiler. */
  client: Client | undefined;
  strategies: StrategySummary[] | undefined;
  error: string | undefined;
  actions: {
    loadClients(): Promise<void>;
    openClient(clientId: string): Promise<void>;
    refreshStrategies(): Promise<void>;
  };
}

export const useClientStore = create<ClientState>()((set, get) => ({
  clients: undefined,
  clientId: undefined,
  client: undefined,
  strategies: undefined,
  error: undefined,
  actions: {
    async loadClients() {
      try {
        set({ clients: await listClients(), error: undefined });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    async openClient(clientId) {
      if (get().clientId === clientId && get().client) return;
      set({ clientId, client: undefined, strategies: undefined, error: undefined });
      try {
        const [record, strategies] = await Promise.all([getClient(clientId), listStrategies(clientId)]);
        set({ client: ClientSchema.parse(record.client), strategies });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    async refreshStrategies() {
      const clientId = get().clientId;
      if (clientId) set({ strategies: await listStrategies(clientId) });
    },
  },
}));

export const useClients = () => useClientStore((s) => s.clients);
export const useMasterData = () => useClientStore((s) => s.client);
export const useStrategyList = () => useClientStore((s) => s.strategies);
export const useClientError = () => useClientStore((s) => s.error);
export const useClientActions = () => useClientStore((s) => s.actions);
