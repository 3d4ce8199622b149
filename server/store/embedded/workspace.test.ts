import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceLockedError } from '../errors.ts';
import { openEmbeddedStore } from './embedded-store.ts';
import { layout } from './layout.ts';
import { currentOwner } from './lock-owner.ts';
import { LOCK_FILE } from './workspace-lock.ts';

const tempDir = () => mkdtemp(join(tmpdir(), 'ordergraph-ws-'));
const lockOf = async (pid: number) => JSON.stringify({ ...(await currentOwner(10_000)), pid });

describe('embedded workspace', () => {
  it('refuses a second server on the same DATA_DIR, and frees it on close', async () => {
    const dir = await tempDir();
    const first = await openEmbeddedStore(dir);
    await expect(openEmbeddedStore(dir)).rejects.toBeInstanceOf(WorkspaceLockedError);
    await first.close();
    const second = await openEmbeddedStore(dir);
    await second.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    await writeFile(join(dir, LOCK_FILE), await lockOf(dead));
    const store = await openEmbeddedStore(dir);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('sweeps temp files a crash left behind and never lists them', async () => {
    const dir = await tempDir();
    const store = await openEmbeddedStore(dir);
    await store.strategies.create((await import('../../test/fixtures.ts')).tagStrategy('acme', 'tags'), 'a');
    await store.close();
    const strategyDir = join(dir, 'clients/acme/strategies/tags');
    await writeFile(join(strategyDir, '.draft.json.abc123.tmp'), '{"half');
    await writeFile(join(dir, 'clients/acme/strategies/.x.tmp'), '');
    const reopened = await openEmbeddedStore(dir);
    expect(await readdir(strategyDir)).toEqual(['draft.json']);
    expect((await reopened.strategies.list('acme')).map((s) => s.strategyId)).toEqual(['tags']);
    await reopened.close();
  });

  it('lays documents out for people: indented JSON in named folders, secrets and logs out of git', async () => {
    const dir = await tempDir();
    const store = await openEmbeddedStore(dir);
    await store.strategies.create((await import('../../test/fixtures.ts')).tagStrategy('acme', 'tags'), 'a');
    await store.close();
    const draft = await readFile(join(dir, layout.draft('acme', 'tags')), 'utf8');
    expect(draft).toMatch(/^\{\n {2}"clientId": "acme",\n/);
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toContain('keys.json');
  });

  it('never turns an id into a path outside the workspace', () => {
    expect(() => layout.draft('..', 'x')).toThrow(/not a valid id/);
    expect(() => layout.client('a/b')).toThrow(/not a valid id/);
    expect(() => layout.version('acme', '.hidden', 1)).toThrow(/not a valid id/);
  });
});
