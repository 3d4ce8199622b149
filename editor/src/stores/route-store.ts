import { create } from 'zustand';
import { parseRoute, type Route, routePath } from '../core/routes/routes.ts';

interface RouteState {
  route: Route;
  actions: {
    navigate(route: Route): void;
    /** The browser's back and forward buttons. */
    sync(): void;
  };
}

export const useRouteStore = create<RouteState>()((set) => ({
  route: parseRoute(window.location.pathname),
  actions: {
    navigate(route) {
      const path = routePath(route);
      if (window.location.pathname !== path) window.history.pushState(null, '', path);
      set({ route });
    },
    sync() {
      set({ route: parseRoute(window.location.pathname) });
    },
  },
}));

export const useRoute = () => useRouteStore((s) => s.route);
export const useRouteActions = () => useRouteStore((s) => s.actions);
