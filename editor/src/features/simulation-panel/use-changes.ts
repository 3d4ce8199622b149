import { useCallback, useEffect, useState } from 'react';
import type { ChangeKind } from '../../core/simulation/change-kinds.ts';
import type { ChangedOrder } from '../../infrastructure/api/api-types.ts';
import { getChanges } from '../../infrastructure/api/simulation-api.ts';

/** A finished simulation's changed orders of one kind (or all), a page at a time through the cursor. */
export function useChanges(clientId: string, simulationId: string, kind: ChangeKind | '') {
  const [changes, setChanges] = useState<ChangedOrder[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const load = useCallback(
    async (cursor: number, keep: ChangedOrder[]) => {
      setLoading(true);
      try {
        const page = await getChanges(clientId, simulationId, kind || undefined, cursor);
        setChanges([...keep, ...page.changes]);
        setNext(page.nextCursor);
        setError(undefined);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setLoading(false);
      }
    },
    [clientId, simulationId, kind],
  );
  useEffect(() => {
    setChanges([]);
    void load(0, []);
  }, [load]);
  const more = () => {
    if (next !== null) void load(next, changes);
  };
  return { changes, hasMore: next !== null, more, error, loading };
}
