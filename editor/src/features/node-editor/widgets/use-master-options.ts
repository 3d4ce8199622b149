import { useMemo } from 'react';
import type { FieldWidget } from '../../../core/engine.ts';
import { masterOptions, type Option } from '../../../core/master-data/master-options.ts';
import { useMasterData } from '../../../stores/client-store.ts';

/** The open client's choices for a picker, memoised per client. */
export function useMasterOptions(widget: FieldWidget | undefined): Option[] {
  const client = useMasterData();
  return useMemo(() => masterOptions(widget, client), [widget, client]);
}
