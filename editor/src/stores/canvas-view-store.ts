import { create } from 'zustand';
import type { Size } from '../core/graph/flow-types.ts';

interface CanvasViewState {
  /** Node sizes React Flow measured: kept so rebuilt nodes stay measured (and for auto-layout). */
  sizes: ReadonlyMap<string, Size>;
  /** Bumped to ask the canvas to fit the view (after opening or laying out). */
  fitRequest: number;
  /** The flow point at the middle of the visible canvas, as the canvas reads it now (none before it mounts). */
  viewCenter: (() => { x: number; y: number }) | undefined;
  actions: {
    setSizes(changes: ReadonlyMap<string, Size>): void;
    requestFit(): void;
    setViewCenter(read: (() => { x: number; y: number }) | undefined): void;
    reset(): void;
  };
}

export const useCanvasViewStore = create<CanvasViewState>()((set, get) => ({
  sizes: new Map(),
  fitRequest: 0,
  viewCenter: undefined,
  actions: {
    setSizes(changes) {
      if (changes.size === 0) return;
      const sizes = new Map(get().sizes);
      let changed = false;
      for (const [id, size] of changes) {
        const before = sizes.get(id);
        if (before?.width === size.width && before?.height === size.height) continue;
        sizes.set(id, size);
        changed = true;
      }
      if (changed) set({ sizes });
    },
    requestFit() {
      set({ fitRequest: get().fitRequest + 1 });
    },
    setViewCenter(viewCenter) {
      set({ viewCenter });
    },
    reset() {
      set({ sizes: new Map() });
    },
  },
}));

export const useNodeSizes = () => useCanvasViewStore((s) => s.sizes);
export const useFitRequest = () => useCanvasViewStore((s) => s.fitRequest);
export const useCanvasViewActions = () => useCanvasViewStore((s) => s.actions);
