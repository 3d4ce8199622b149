import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Served, serveCli } from './serve-cli.test-helper.ts';

const editorIndex = new URL('../../editor/dist/index.html', import.meta.url).pathname;

// Servers a failed assertion left running are stopped after each test.
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const serve = (env: Record<string, string>): Promise<Served> => serveCli(env, started);

// Each test starts real servers (a second or more each on a busy machine).
describe('ordergraph serve', { timeout: 60_000 }, () => {
  it('imports the demo client, prints a first admin key once, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-serve-'));
    const first = await serve({ DATA_DIR: dataDir });
    expect(first.output()).toContain('imported client "demo"');
    const key = /admin API key \(shown once, stored hashed\): (og_\S+)/.exec(first.output())?.[1];
    expect(key).toBeDefined();
    const clients = await fetch(`${first.url}/api/v1/clients`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(((await clients.json()) as { clients: { clientId: string }[] }).clients[0]?.clientId).toBe('demo');
    // The command mounts the editor after the API: a page load at / gets it, or how to build it.
    const page = await fetch(`${first.url}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(existsSync(editorIndex) ? 200 : 503);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);

    const second = await serve({ DATA_DIR: dataDir });
    expect(second.output()).not.toContain('imported');
    expect(second.output()).not.toContain('og_');
    const again = await fetch(`${second.url}/api/v1/clients/demo/live`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(again.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });

  it('uses ORDERGRAPH_ADMIN_KEY when set, and refuses a short one', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-serve-'));
    const adminKey = 'an-admin-key-from-the-environment';
    const served = await serve({ DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: adminKey });
    expect(served.output()).toContain('admin API key: ORDERGRAPH_ADMIN_KEY');
    const answer = await fetch(`${served.url}/api/v1/keys`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(answer.status).toBe(200);
    served.child.kill('SIGTERM');
    expect(await served.exit).toBe(0);
    await expect(serve({ DATA_DIR: dataDir, ORDERGRAPH_ADMIN_KEY: 'short' })).rejects.toThrow(
      /ORDERGRAPH_ADMIN_KEY: must be at least 24 characters/,
    );
  });
});
