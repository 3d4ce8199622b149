import { create } from 'zustand';
import { ApiFailure } from '../infrastructure/api/api-error.ts';
import { setApiKey, setUnauthorizedHandler } from '../infrastructure/api/http.ts';
import { checkKey } from '../infrastructure/api/ordergraph-api.ts';
import { sessionStore } from '../infrastructure/storage/browser-storage.ts';

const KEY = 'ordergraph.apiKey';

interface SessionState {
  apiKey: string | undefined;
  checking: boolean;
  /** Why the last sign-in failed or the session ended, for the login screen. */
  error: 'invalid' | 'unreachable' | 'expired' | undefined;
  actions: {
    signIn(key: string): Promise<boolean>;
    signOut(reason?: SessionState['error']): void;
  };
}

const stored = sessionStore.get(KEY);
setApiKey(stored);

export const useSessionStore = create<SessionState>()((set) => ({
  apiKey: stored,
  checking: false,
  error: undefined,
  actions: {
    async signIn(key) {
      const trimmed = key.trim();
      set({ checking: true, error: undefined });
      try {
        await checkKey(trimmed);
      } catch (error) {
        const unreachable = error instanceof ApiFailure && (error.status === 0 || error.status >= 500);
        set({ checking: false, error: unreachable ? 'unreachable' : 'invalid' });
        return false;
      }
      sessionStore.set(KEY, trimmed);
      setApiKey(trimmed);
      set({ apiKey: trimmed, checking: false });
      return true;
    },
    signOut(reason) {
      sessionStore.set(KEY, undefined);
      setApiKey(undefined);
      set({ apiKey: undefined, error: reason });
    },
  },
}));

setUnauthorizedHandler(() => useSessionStore.getState().actions.signOut('expired'));

export const useApiKey = () => useSessionStore((s) => s.apiKey);
export const useSessionActions = () => useSessionStore((s) => s.actions);
