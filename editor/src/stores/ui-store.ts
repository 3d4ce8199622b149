import { create } from 'zustand';

export const SIDE_TABS = [
  'inspector',
  'issues',
  'rules',
  'test',
  'simulation',
  'versions',
  'plugins',
] as const;
export type SideTab = (typeof SIDE_TABS)[number];

interface UiState {
  tab: SideTab;
  actions: { showTab(tab: SideTab): void };
}

export const useUiStore = create<UiState>()((set) => ({
  tab: 'inspector',
  actions: {
    showTab(tab) {
      set({ tab });
    },
  },
}));

export const useSideTab = () => useUiStore((s) => s.tab);
export const useUiActions = () => useUiStore((s) => s.actions);
