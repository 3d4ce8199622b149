import { useEffect } from 'react';
import { compileStrategy } from '../core/engine.ts';
import { useMasterData } from '../stores/client-store.ts';
import { useDoc } from '../stores/document-store.ts';
import { useValidationActions } from '../stores/validation-store.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';

export const VALIDATION_DEBOUNCE_MS = 200;

/**
 * Compiles the draft with the engine's own compiler whenever it settles, against the client's
 * master data, so every issue the server would report shows on the canvas as it is drawn.
 */
export function useLiveValidation(): void {
  const doc = useDoc();
  const client = useMasterData();
  const settled = useDebouncedValue(doc, VALIDATION_DEBOUNCE_MS);
  const { setResult } = useValidationActions();
  useEffect(() => {
    if (!settled) return;
    const started = performance.now();
    const result = compileStrategy(settled, client ? { client } : {});
    setResult(result, performance.now() - started);
  }, [settled, client, setResult]);
}
