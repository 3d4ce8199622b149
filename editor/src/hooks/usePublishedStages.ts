import { useEffect, useState } from 'react';
import type { CompiledStrategy } from '../core/engine.ts';
import { getLive, getVersion } from '../infrastructure/api/ordergraph-api.ts';

const NONE: CompiledStrategy[] = [];

/**
 * The client's published strategies, compiled as the server keeps them, read once per client: the
 * analysis checks the draft against them (an approval hold that stops every order a stage needs).
 * None while loading, or when the server cannot be read: the analysis then looks at the draft alone.
 */
export function usePublishedStages(clientId: string | undefined): readonly CompiledStrategy[] {
  const [stages, setStages] = useState<{ clientId: string; stages: CompiledStrategy[] }>();
  useEffect(() => {
    if (!clientId) return;
    let current = true;
    const load = async () => {
      const live = await getLive(clientId);
      const versions = await Promise.all(
        (live?.strategies ?? []).map((s) => getVersion(clientId, s.strategyId, s.version)),
      );
      return versions.map((v) => v.compiled as CompiledStrategy);
    };
    load().then(
      (loaded) => current && setStages({ clientId, stages: loaded }),
      () => current && setStages({ clientId, stages: [] }),
    );
    return () => {
      current = false;
    };
  }, [clientId]);
  return stages && stages.clientId === clientId ? stages.stages : NONE;
}
