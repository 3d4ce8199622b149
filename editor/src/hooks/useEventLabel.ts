import { useCallback } from 'react';
import { eventDef } from '../core/engine.ts';
import { useLabel } from './useLabel.ts';

/**
 * An event type's name in the UI language, as the node kind declaring it says. Only a type no kind
 * declares (hand-written rule JSON, or a graph the compiler refuses for it) shows as itself.
 */
export function useEventLabel(): (type: string) => string {
  const label = useLabel();
  return useCallback((type: string) => label(eventDef(type)?.label) || type, [label]);
}
