/** The editor's pages, as paths the server's index.html fallback serves: reload and links work. */
export type Route =
  | { page: 'home' }
  | { page: 'client'; clientId: string }
  | { page: 'strategy'; clientId: string; strategyId: string };

export function parseRoute(pathname: string): Route {
  const parts = pathname
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  if (parts[0] === 'clients' && parts[1]) {
    if (parts[2] === 'strategies' && parts[3])
      return { page: 'strategy', clientId: parts[1], strategyId: parts[3] };
    return { page: 'client', clientId: parts[1] };
  }
  return { page: 'home' };
}

export function routePath(route: Route): string {
  switch (route.page) {
    case 'home':
      return '/';
    case 'client':
      return `/clients/${encodeURIComponent(route.clientId)}`;
    case 'strategy':
      return `/clients/${encodeURIComponent(route.clientId)}/strategies/${encodeURIComponent(route.strategyId)}`;
  }
}
