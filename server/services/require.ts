import { notFound } from '../errors/api-error.ts';
import type { ClientRecord, StrategyRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';

export async function requireClient(store: Store, clientId: string): Promise<ClientRecord> {
  const client = await store.clients.get(clientId);
  if (!client) throw notFound(`client "${clientId}"`);
  return client;
}

export async function requireStrategy(
  store: Store,
  clientId: string,
  strategyId: string,
): Promise<StrategyRecord> {
  const strategy = await store.strategies.get(clientId, strategyId);
  if (!strategy) throw notFound(`strategy "${strategyId}" of client "${clientId}"`);
  return strategy;
}
