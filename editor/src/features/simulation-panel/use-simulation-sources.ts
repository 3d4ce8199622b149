import { useCallback, useEffect, useState } from 'react';
import type { HistoryRecord, MappingRecord } from '../../infrastructure/api/api-types.ts';
import { listHistories, listMappings } from '../../infrastructure/api/simulation-api.ts';

/** The client's uploaded histories and CSV mappings, loaded with the panel and again after an upload. */
export function useSimulationSources(clientId: string) {
  const [histories, setHistories] = useState<HistoryRecord[]>();
  const [mappings, setMappings] = useState<MappingRecord[]>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    try {
      const [h, m] = await Promise.all([listHistories(clientId), listMappings(clientId)]);
      setHistories(h);
      setMappings(m);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [clientId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { histories, mappings, error, reload };
}
