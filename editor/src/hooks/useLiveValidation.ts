import { useEffect } from 'react';
import { withAnalysis } from '../core/analysis/with-analysis.ts';
import { compileStrategy } from '../core/engine.ts';
import { useMasterData } from '../stores/client-store.ts';
import { useDoc } from '../stores/document-store.ts';
import { useValidationActions } from '../stores/validation-store.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { usePublishedStages } from './usePublishedStages.ts';

export const VALIDATION_DEBOUNCE_MS = 200;

/**
 * Compiles the draft with the engine's own compiler whenever it settles, against the client's
 * master data, so every issue the server would report shows on the canvas as it is drawn; then
 * the engine's static analysis adds its warnings, against the client's published strategies too.
 */
export function useLiveValidation(): void {
  const doc = useDoc();
  const client = useMasterData();
  const settled = useDebouncedValue(doc, VALIDATION_DEBOUNCE_MS);
  const { setResult } = useValidationActions();
  const published = usePublishedStages(client?.id);
  useEffect(() => {
    if (!settled) return;
    const started = performance.now();
    const result = compileStrategy(settled, client ? { client } : {});
    const ms = performance.now() - started;
    setResult(withAnalysis(result, published, client), ms);
  }, [settled, client, published, setResult]);
}
