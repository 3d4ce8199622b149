import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tagStrategy } from '../../test/fixtures.ts';
import { WorkspaceLockedError } from '../errors.ts';
import { openEmbeddedStore } from './embedded-store.ts';
import { currentOwner } from './lock-owner.ts';
import { LOCK_FILE } from './workspace-lock.ts';

const holderScript = new URL('./lock-holder.ts', import.meta.url).pathname;
const tempDir = () => mkdtemp(join(tmpdir(), 'ordergraph-lock-'));
/** A PID namespace no process here is in: the lock of a server in another container. */
const ELSEWHERE = 'pid:[4026599999]';

interface Holder {
  child: ChildProcess;
  /** `locked`, or the refusal the process printed before it exited 3. */
  outcome: Promise<string>;
  exited: Promise<void>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** A real process opening the workspace, as a second server would. */
function holder(dataDir: string, staleMs: number, pidNamespace?: string): Holder {
  const child = spawn(process.execPath, [
    '--import',
    'tsx',
    holderScript,
    dataDir,
    String(staleMs),
    ...(pidNamespace ? [pidNamespace] : []),
  ]);
  children.push(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const outcome = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    void exited.then(() =>
      out.includes('\n') ? resolve(out.trim()) : reject(new Error(`holder died:\n${err}`)),
    );
  });
  return { child, outcome, exited };
}

async function kill(h: Holder): Promise<void> {
  h.child.kill('SIGKILL');
  await h.exited;
}

async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await task();
  return { value, ms: performance.now() - started };
}

// Real processes, loading TypeScript each: seconds apiece on a busy machine.
describe('workspace lock', { timeout: 60_000 }, () => {
  it('refuses a second server while the first lives, naming it, and takes over at once from one SIGKILLed on this host', async () => {
    const dir = await tempDir();
    const first = holder(dir, 2_000);
    expect(await first.outcome).toBe('locked');
    const refused = openEmbeddedStore(dir);
    await expect(refused).rejects.toBeInstanceOf(WorkspaceLockedError);
    await expect(refused).rejects.toThrow(
      new RegExp(`in use by another ordergraph server \\(pid ${first.child.pid} on `),
    );
    const second = holder(dir, 2_000);
    expect(await second.outcome).toMatch(new RegExp(`^refused: .*pid ${first.child.pid} on .* since `));

    await kill(first);
    // Its pid is gone from this host's namespace: no need to wait for the stale age.
    const { value: store, ms } = await timed(() => openEmbeddedStore(dir, { staleMs: 60_000 }));
    expect(ms).toBeLessThan(2_000);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('waits out the stale age for a SIGKILLed holder it cannot see (another container), and refuses one that renews', async () => {
    const dir = await tempDir();
    const staleMs = 1_500;
    const other = holder(dir, staleMs, ELSEWHERE);
    expect(await other.outcome).toBe('locked');
    // Its pid means nothing here, but it renews its lock: alive.
    const live = await timed(() =>
      openEmbeddedStore(dir, { staleMs }).then(
        () => 'opened',
        (e: Error) => e,
      ),
    );
    expect(live.value).toBeInstanceOf(WorkspaceLockedError);
    expect(String(live.value)).toContain(`pid ${other.child.pid} on `);
    expect(live.ms).toBeLessThan(staleMs);

    await kill(other);
    const waits: number[] = [];
    const { value: store, ms } = await timed(() =>
      openEmbeddedStore(dir, { staleMs, onWait: (_holder, upTo) => waits.push(upTo) }),
    );
    expect(waits).toHaveLength(1);
    console.info(
      `took over a SIGKILLed holder in another PID namespace after ${ms.toFixed(0)} ms (stale age ${staleMs} ms)`,
    );
    // Last renewed at most a quarter of the stale age before the kill.
    expect(ms).toBeGreaterThan(staleMs * 0.5);
    expect(ms).toBeLessThan(staleMs * 4);
    await store.close();
  });

  it('takes over at once a lock naming this very pid from another life (a restarted container is pid 1 again)', async () => {
    const dir = await tempDir();
    const me = await currentOwner(10_000);
    // The same pid in the same namespace, but a process that started at another time: not us.
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ ...me, token: 'before-the-restart', startTime: '1' }),
    );
    const { value: store, ms } = await timed(() => openEmbeddedStore(dir));
    expect(ms).toBeLessThan(1_000);
    await store.close();
  });

  it('reads a lock of the old format (no lease) as it was meant: refused while its pid runs here, never for our own pid', async () => {
    const dir = await tempDir();
    const path = join(dir, LOCK_FILE);
    const legacy = (pid: number) =>
      JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' });
    // The container bug: the old lock names pid 1 and so does the restarted server. Here, our own pid.
    await writeFile(path, legacy(process.pid));
    const mine = await timed(() => openEmbeddedStore(dir));
    expect(mine.ms).toBeLessThan(1_000);
    await mine.value.close();
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    children.push(running);
    await writeFile(path, legacy(running.pid!));
    await expect(openEmbeddedStore(dir)).rejects.toThrow(
      `pid ${running.pid} on ${hostname()} since 2026-01-01`,
    );
  });

  it('takes over at once a lock from another container last renewed longer ago than the stale age', async () => {
    const dir = await tempDir();
    const path = join(dir, LOCK_FILE);
    await writeFile(
      path,
      JSON.stringify({ ...(await currentOwner(10_000)), pid: 1, pidNamespace: ELSEWHERE }),
    );
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(path, minuteAgo, minuteAgo);
    const { value: store, ms } = await timed(() => openEmbeddedStore(dir));
    expect(ms).toBeLessThan(1_000);
    await store.close();
  });

  it('lets exactly one of two servers starting together take an abandoned lock', async () => {
    const dir = await tempDir();
    const path = join(dir, LOCK_FILE);
    await writeFile(
      path,
      JSON.stringify({ ...(await currentOwner(10_000)), pid: 1, pidNamespace: ELSEWHERE }),
    );
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(path, minuteAgo, minuteAgo);
    const racers = [holder(dir, 2_000), holder(dir, 2_000)];
    const outcomes = await Promise.all(racers.map((r) => r.outcome));
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(1);
    expect(outcomes.filter((o) => o.startsWith('refused: '))).toHaveLength(1);
  });

  it('stops writing once another server took its workspace over, and leaves that server its lock', async () => {
    const dir = await tempDir();
    const store = await openEmbeddedStore(dir, { staleMs: 1_000 });
    const path = join(dir, LOCK_FILE);
    // What a server in another container writes after this one stalled past the stale age.
    const usurper = JSON.stringify({ ...(await currentOwner(1_000)), pid: 77, pidNamespace: ELSEWHERE });
    await writeFile(path, usurper);
    await expect
      .poll(
        () =>
          store.ping().then(
            () => 'held',
            (e: Error) => e.message,
          ),
        { timeout: 5_000 },
      )
      .toMatch(/pid 77 on .*took it over from this server/);
    await expect(store.strategies.create(tagStrategy('acme', 'late'), 'x')).rejects.toBeInstanceOf(
      WorkspaceLockedError,
    );
    await store.close();
    expect(await readFile(path, 'utf8')).toBe(usurper);
  });
});
