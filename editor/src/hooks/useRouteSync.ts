import { useEffect } from 'react';
import { useRouteActions } from '../stores/route-store.ts';

/** The browser's back and forward buttons move between pages like links do. */
export function useRouteSync(): void {
  const { sync } = useRouteActions();
  useEffect(() => {
    window.addEventListener('popstate', sync);
    return () => window.removeEventListener('popstate', sync);
  }, [sync]);
}
