import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, Router } from 'express';

/** Where `npm run build:editor` (and `npm ci`'s prepare step) leaves the built editor. */
export const EDITOR_DIST = fileURLToPath(new URL('./dist/', import.meta.url));

/**
 * The editor for express, mounted after the API: built files from editor/dist (hashed assets
 * cached for a year, index.html never), and index.html for the editor's own paths
 * (/clients/demo/strategies/routing) so reloads and links work. API paths never reach the fallback.
 * Without a build, `/` says how to make one instead of a bare 404.
 */
export function serveEditor(dist: string = EDITOR_DIST): RequestHandler {
  const router = Router();
  const index = `${dist}index.html`;
  if (!existsSync(index)) {
    router.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The editor is not built: run `npm run build:editor`, then reload.\n');
    });
    return router;
  }
  router.use('/assets', express.static(`${dist}assets`, { immutable: true, maxAge: '365d', index: false }));
  router.use(express.static(dist, { index: false, maxAge: 0 }));
  router.use((req, res, next) => {
    // Page loads only (browsers send text/html when navigating); a missing script or an API typo gets the JSON 404.
    const wantsPage =
      (req.method === 'GET' || req.method === 'HEAD') && (req.get('accept') ?? '').includes('text/html');
    if (!wantsPage || /^\/(api|assets|healthz|metrics)(\/|$)/.test(req.path)) return next();
    res.locals.route = 'editor';
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
