import { createContext } from 'react';
import type { DiffGraph } from '../../core/diff/strategy-diff.ts';

/** The diff being drawn: diff nodes read their node and how it changed from here, by id. */
export const DiffContext = createContext<DiffGraph | undefined>(undefined);
