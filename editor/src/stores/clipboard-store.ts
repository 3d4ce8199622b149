import { create } from 'zustand';
import type { Clipboard } from '../core/document/clipboard.ts';

interface ClipboardState {
  clip: Clipboard | undefined;
  /** Each paste of the same clip lands a little further down, so copies do not stack exactly. */
  pastes: number;
  actions: {
    copy(clip: Clipboard): void;
    pasted(): number;
  };
}

export const useClipboardStore = create<ClipboardState>()((set, get) => ({
  clip: undefined,
  pastes: 0,
  actions: {
    copy(clip) {
      set({ clip, pastes: 0 });
    },
    pasted() {
      const pastes = get().pastes + 1;
      set({ pastes });
      return pastes;
    },
  },
}));
