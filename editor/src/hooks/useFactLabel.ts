import { useCallback } from 'react';
import { FACT_LABELS } from '../core/engine.ts';
import { useLabel } from './useLabel.ts';

/** A fact path in the consultant's words ("订单金额"), or the path itself when it has none (extracted.*). */
export function useFactLabel(): (path: string) => string {
  const label = useLabel();
  return useCallback((path: string) => (FACT_LABELS[path] ? label(FACT_LABELS[path]) : path), [label]);
}
