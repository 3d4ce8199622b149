/**
 * Undo and redo over immutable snapshots: each step keeps the whole document, which costs little
 * because unchanged nodes are shared between snapshots. Edits with the same key in quick
 * succession (typing in one field, one drag) merge into a single step.
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  lastKey: string | undefined;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: undefined, lastAt: 0 };
}

export function record<T>(history: History<T>, next: T, key?: string, now = Date.now()): History<T> {
  if (next === history.present) return history;
  const merge = key !== undefined && key === history.lastKey && now - history.lastAt < COALESCE_MS;
  return {
    past: merge ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT),
    present: next,
    future: [],
    lastKey: key,
    lastAt: now,
  };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: undefined,
    lastAt: 0,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return {
    past: [...history.past, history.present],
    present: next,
    future: rest,
    lastKey: undefined,
    lastAt: 0,
  };
}

/** Ends a run of merging edits, so the next edit with the same key is its own step (drag stop, blur). */
export function seal<T>(history: History<T>): History<T> {
  return history.lastKey === undefined ? history : { ...history, lastKey: undefined };
}
