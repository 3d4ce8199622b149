import { useEffect } from 'react';
import { useDirty } from '../stores/document-store.ts';

/** Closing the tab with unsaved changes asks first: a lost afternoon of drawing is the worst bug an editor has. */
export function useUnsavedWarning(): void {
  const dirty = useDirty();
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
