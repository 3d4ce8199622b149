import { beforeEach, describe, expect, it } from 'vitest';
import { useSelectionStore } from './selection-store.ts';

const { actions } = useSelectionStore.getState();

describe('the selection after a delete', () => {
  beforeEach(() => actions.clear());

  it('forgets a deleted node, so the next click selects one node and the inspector opens', () => {
    actions.select(['condition']);
    actions.retain(new Set(['start', 'tag']), new Set());
    // React Flow's click: the new node on, the nodes it knows off (the deleted one it no longer knows).
    actions.apply(new Map([['tag', true]]), new Map());
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['tag']);
  });

  it('keeps what the document still holds, and the same set when nothing went', () => {
    actions.select(['start', 'tag'], ['e1']);
    const before = useSelectionStore.getState().nodeIds;
    actions.retain(new Set(['start', 'tag']), new Set(['e1']));
    expect(useSelectionStore.getState().nodeIds).toBe(before);
    actions.retain(new Set(['tag']), new Set());
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['tag']);
    expect(useSelectionStore.getState().edgeIds.size).toBe(0);
  });
});
