/** Storage that never throws (private windows, disabled storage): the editor still works, it just forgets. */
function safe(storage: () => Storage) {
  return {
    get(key: string): string | undefined {
      try {
        return storage().getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(key: string, value: string | undefined): void {
      try {
        if (value === undefined) storage().removeItem(key);
        else storage().setItem(key, value);
      } catch {
        // Nothing to do: the value lives for this page only.
      }
    },
  };
}

/** The API key lives for the tab only: closing it signs out. */
export const sessionStore = safe(() => sessionStorage);
/** The language choice outlives the session. */
export const localStore = safe(() => localStorage);
