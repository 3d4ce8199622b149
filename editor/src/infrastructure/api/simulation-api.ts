import type { ChangedOrder, HistoryRecord, MappingRecord, SimulationJob } from './api-types.ts';
import { request, upload } from './http.ts';

/** API v1's simulation calls: CSV mappings, order histories, simulation jobs and what they found. */

const client = (clientId: string) => `/clients/${encodeURIComponent(clientId)}`;
const simulation = (clientId: string, simulationId: string) =>
  `${client(clientId)}/simulations/${encodeURIComponent(simulationId)}`;

export async function listMappings(clientId: string): Promise<MappingRecord[]> {
  return (await request<{ mappings: MappingRecord[] }>(`${client(clientId)}/mappings`)).body.mappings;
}

/** Creates or replaces a mapping; the server checks it as the CLI does and answers 400 naming the field. */
export async function putMapping(
  clientId: string,
  mappingId: string,
  mapping: Record<string, unknown>,
): Promise<MappingRecord> {
  const path = `${client(clientId)}/mappings/${encodeURIComponent(mappingId)}`;
  return (await request<MappingRecord>(path, { method: 'PUT', body: mapping })).body;
}

export async function listHistories(clientId: string): Promise<HistoryRecord[]> {
  return (await request<{ histories: HistoryRecord[] }>(`${client(clientId)}/histories`)).body.histories;
}

export async function getHistory(clientId: string, historyId: string): Promise<HistoryRecord> {
  return (await request<HistoryRecord>(`${client(clientId)}/histories/${encodeURIComponent(historyId)}`))
    .body;
}

export interface HistoryUpload {
  name: string;
  /** A CSV's mapping id; NDJSON has none. */
  mapping?: string;
  /** Sent as it is, saying `Content-Encoding: gzip`, and the server gunzips it (see `isGzipped`). */
  gzipped: boolean;
}

export interface HistoryCreated {
  historyId: string;
  status: 'reading' | 'ready';
  rows: number;
  bytes: number;
  skipped: number;
}

/** A CSV export, or tab-separated text (Excel's "Unicode text"), gzipped or not: read through a column mapping. */
export const isCsv = (file: File) =>
  /\.(csv|tsv|txt)(\.gz)?$/i.test(file.name) ||
  file.type === 'text/csv' ||
  file.type === 'text/tab-separated-values';

/**
 * A gzipped file, by its first two bytes (1f 8b), as the CLI and the server tell one: an export
 * gzipped under its old name is still one, and a `.gz` that is not is sent as the text it is.
 */
export async function isGzipped(file: File): Promise<boolean> {
  const magic = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return magic[0] === 0x1f && magic[1] === 0x8b;
}

/** The file as the body, with upload progress; a big one answers 202 and is read on (poll `getHistory`). */
export function uploadHistory(
  clientId: string,
  file: File,
  what: HistoryUpload,
  onProgress: (share: number) => void,
) {
  const query = new URLSearchParams({ name: what.name, ...(what.mapping ? { mapping: what.mapping } : {}) });
  const type = isCsv(file) ? 'text/csv' : 'application/x-ndjson';
  const encoding: Record<string, string> = what.gzipped ? { 'content-encoding': 'gzip' } : {};
  return upload<HistoryCreated>(`${client(clientId)}/histories?${query}`, file, type, onProgress, encoding);
}

/** The saved draft of `strategyId` in place of its live version, against the live release. */
export async function startSimulation(
  clientId: string,
  historyId: string,
  candidateStrategyId: string | undefined,
): Promise<string> {
  const body = {
    historyId,
    ...(candidateStrategyId
      ? { candidate: { strategies: [{ strategyId: candidateStrategyId, draft: true as const }] } }
      : {}),
  };
  const path = `${client(clientId)}/simulations`;
  return (await request<{ simulationId: string }>(path, { method: 'POST', body })).body.simulationId;
}

export async function getSimulation(clientId: string, simulationId: string): Promise<SimulationJob> {
  return (await request<SimulationJob>(simulation(clientId, simulationId))).body;
}

export async function cancelSimulation(clientId: string, simulationId: string): Promise<SimulationJob> {
  return (await request<SimulationJob>(simulation(clientId, simulationId), { method: 'DELETE' })).body;
}

/** The CLI's JSON report; the editor reads only the parts it draws (`core/simulation/report-view.ts`). */
export async function getReport(clientId: string, simulationId: string): Promise<unknown> {
  return (await request<unknown>(`${simulation(clientId, simulationId)}/report`)).body;
}

export interface ChangesPage {
  changes: ChangedOrder[];
  nextCursor: number | null;
}

export async function getChanges(
  clientId: string,
  simulationId: string,
  kind: string | undefined,
  cursor: number,
): Promise<ChangesPage> {
  const query = new URLSearchParams({ cursor: String(cursor), limit: '50', ...(kind ? { kind } : {}) });
  return (await request<ChangesPage>(`${simulation(clientId, simulationId)}/changes?${query}`)).body;
}
