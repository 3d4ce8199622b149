import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { serveEditor } from './serve-editor.ts';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** An app like the server's: an API route, the editor after it, then a JSON 404. */
async function appWith(dist: string): Promise<string> {
  const app = express();
  app.get('/api/v1/ping', (_req, res) => res.json({ ok: true }));
  app.use(serveEditor(dist));
  app.use((_req, res) => res.status(404).json({ error: { code: 'not_found' } }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function builtDist(): Promise<string> {
  const dist = `${await mkdtemp(join(tmpdir(), 'editor-dist-'))}/`;
  await mkdir(`${dist}assets`);
  await writeFile(`${dist}index.html`, '<!doctype html><title>editor</title>');
  await writeFile(`${dist}assets/index-abc.js`, 'console.log(1)');
  return dist;
}

const page = { headers: { accept: 'text/html,application/xhtml+xml' } };

describe('serveEditor', () => {
  it('serves index.html at / and at the editor’s own paths, never cached', async () => {
    const url = await appWith(await builtDist());
    for (const path of ['/', '/clients/demo', '/clients/demo/strategies/routing']) {
      const res = await fetch(`${url}${path}`, page);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>editor</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year and leaves API and missing files to the 404', async () => {
    const url = await appWith(await builtDist());
    const asset = await fetch(`${url}/assets/index-abc.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/api/v1/ping`)).status).toBe(200);
    expect((await fetch(`${url}/api/v1/nothing`, page)).status).toBe(404);
    expect((await fetch(`${url}/assets/gone.js`, page)).status).toBe(404);
    // A script or fetch asking for JSON never gets the page.
    expect((await fetch(`${url}/clients/demo`)).status).toBe(404);
  });

  it('says how to build the editor when there is no build', async () => {
    const url = await appWith(`${await mkdtemp(join(tmpdir(), 'editor-none-'))}/`);
    const res = await fetch(`${url}/`, page);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:editor');
  });
});
