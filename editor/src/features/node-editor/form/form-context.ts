import { createContext, useContext } from 'react';
import type { FieldHints, GraphIssue } from '../../../core/engine.ts';
import type { Path } from '../../../core/paths/content-path.ts';

/** What every field of one node's form shares: its hints, its issues, and how to write a value. */
export interface FormContextValue {
  hints: FieldHints | undefined;
  /** The node's content issues by content path (`rules[0].pattern`). */
  issues: ReadonlyMap<string, GraphIssue[]>;
  /** Writes `value` at `path` inside the node's content. */
  change(path: Path, value: unknown): void;
}

export const FormContext = createContext<FormContextValue>({
  hints: undefined,
  issues: new Map(),
  change: () => undefined,
});

export const useFormContext = () => useContext(FormContext);
