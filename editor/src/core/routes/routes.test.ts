import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './routes.ts';

describe('routes', () => {
  it('reads and writes the editor paths', () => {
    for (const route of [
      { page: 'home' },
      { page: 'client', clientId: 'demo' },
      { page: 'strategy', clientId: 'demo', strategyId: 'vip.tags' },
    ] as const) {
      expect(parseRoute(routePath(route))).toEqual(route);
    }
  });

  it('sends unknown paths home', () => {
    expect(parseRoute('/nothing/here')).toEqual({ page: 'home' });
  });
});
