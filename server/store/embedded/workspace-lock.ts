import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkspaceLockedError, WorkspaceMissingError } from '../errors.ts';
import { fsyncDir } from './atomic-file.ts';
import { currentOwner, describeOwner, holderState, type LockOwner, parseOwner } from './lock-owner.ts';

export const LOCK_FILE = '.lock';
export const DEFAULT_STALE_MS = 10_000;

export interface LockOptions {
  /** A lock not renewed for this long belongs to a dead server and is taken over. */
  staleMs?: number;
  /** How often the holder renews its lock; a quarter of the stale age by default. */
  heartbeatMs?: number;
  /** Called once when a start has to wait to learn whether the holder is alive. */
  onWait?: (holder: string, upToMs: number) => void;
  /** Called when this process finds its lock taken over (it stalled past the stale age). */
  onLost?: (holder: string) => void;
  /** What the lock says of this process, changed: tests stand in for a server in another container. */
  owner?: Partial<Pick<LockOwner, 'pid' | 'host' | 'pidNamespace'>>;
}

/** The lock file as seen once: who it names and when it was last renewed. */
interface Sighting {
  owner: LockOwner | undefined;
  ino: number;
  mtimeMs: number;
}

async function sight(path: string): Promise<Sighting | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { owner: parseOwner(text), ino: info.ino, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const sameLock = (a: Sighting, b: Sighting | undefined) =>
  b !== undefined && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.owner?.token === b.owner?.token;

/**
 * One server per workspace, as a lease: the lock file names its holder, and the holder renews it
 * (touches its mtime) every `heartbeatMs`. A lock not renewed for `staleMs` is abandoned and taken
 * over, so a server killed with SIGKILL, or a container restarted with the same pid 1 in a new PID
 * namespace, gets its folder back within the stale age; a holder this process can prove dead (same
 * host, boot and PID namespace, pid gone or reused) is taken over at once. A holder seen renewing,
 * or provably alive, makes the second server refuse to start, naming it.
 *
 * The stale age compares the lock's mtime with this machine's clock: servers on several machines
 * sharing a folder need clocks within a few seconds of each other (they also get the watch below).
 */
export class WorkspaceLock {
  private heartbeat: NodeJS.Timeout | undefined;
  private lost: string | undefined;

  private constructor(
    private readonly path: string,
    private readonly me: LockOwner,
    private readonly options: LockOptions,
  ) {}

  static async acquire(dataDir: string, options: LockOptions = {}): Promise<WorkspaceLock> {
    const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
    const path = join(dataDir, LOCK_FILE);
    const me = { ...(await currentOwner(staleMs)), ...options.owner };
    const pollMs = Math.max(10, Math.min(250, (options.heartbeatMs ?? staleMs / 4) / 4));
    let watching: { sighting: Sighting; since: number } | undefined;
    for (;;) {
      if (await createLock(path, me)) {
        await fsyncDir(dataDir);
        const lock = new WorkspaceLock(path, me, options);
        lock.startHeartbeat(options.heartbeatMs ?? staleMs / 4);
        return lock;
      }
      const seen = await sight(path);
      if (!seen) continue; // released between our create and our look: try again
      const holderStaleMs = Math.max(staleMs, seen.owner?.staleMs ?? 0);
      const age = Date.now() - seen.mtimeMs;
      const holder = seen.owner ? await holderState(seen.owner, me) : 'unknown';
      if (holder === 'alive') throw new WorkspaceLockedError(dataDir, describeOwner(seen.owner, age));
      if (holder === 'dead' || age > holderStaleMs) {
        await takeOver(path, seen, holderStaleMs);
        continue;
      }
      // Renewed lately by a process we cannot see: watch it for a renewal (alive) or the stale age (dead).
      if (!watching || !sameLock(watching.sighting, seen)) {
        if (watching) throw new WorkspaceLockedError(dataDir, describeOwner(seen.owner, age));
        watching = { sighting: seen, since: Date.now() };
        options.onWait?.(describeOwner(seen.owner, age), holderStaleMs - age);
      } else if (Date.now() - watching.since > holderStaleMs) {
        // Unchanged for a whole stale age by our own clock, whatever the holder's clock says.
        await takeOver(path, seen, holderStaleMs);
        continue;
      }
      await sleep(pollMs);
    }
  }

  /** Throws when another server took the workspace over: this one must not write to it any more. */
  assertHeld(): void {
    if (this.lost !== undefined) {
      throw new WorkspaceLockedError(
        join(this.path, '..'),
        `${this.lost}, which took it over from this server`,
      );
    }
  }

  /** Checks on disk that the workspace is still there and the lock file in it is still ours (for health checks). */
  async verify(): Promise<void> {
    this.assertHeld();
    const seen = await sight(this.path);
    if (seen === undefined) {
      throw new WorkspaceMissingError(
        join(this.path, '..'),
        'its lock file, or the whole folder, was removed',
      );
    }
    if (seen.owner?.token !== this.me.token) {
      throw new WorkspaceLockedError(
        join(this.path, '..'),
        "another owner, whose lock file replaced this server's",
      );
    }
  }

  /** Stops renewing and removes the lock, unless it was lost: then it is someone else's. */
  async release(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.lost !== undefined) return;
    const seen = await sight(this.path);
    if (seen?.owner?.token === this.me.token) await rm(this.path, { force: true });
  }

  private startHeartbeat(everyMs: number): void {
    let busy = false;
    this.heartbeat = setInterval(() => {
      if (busy) return;
      busy = true;
      void this.renew().finally(() => {
        busy = false;
      });
    }, everyMs);
    // A lock never keeps a process alive: close() or exit ends it.
    this.heartbeat.unref();
  }

  private async renew(): Promise<void> {
    try {
      const seen = await sight(this.path);
      if (seen?.owner?.token === this.me.token) {
        const now = new Date();
        await utimes(this.path, now, now);
        return;
      }
      this.lost = seen
        ? describeOwner(seen.owner, Date.now() - seen.mtimeMs)
        : 'nobody (the lock file is gone)';
    } catch (error) {
      // A failed renewal (disk full, NFS hiccup) is retried at the next beat; the stale age allows several.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
      this.lost = 'nobody (the lock file is gone)';
    }
    clearInterval(this.heartbeat);
    this.options.onLost?.(this.lost);
  }
}

/** Creates the lock file exclusively, naming this process; false when one exists. */
async function createLock(path: string, me: LockOwner): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(me));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes an abandoned lock so the caller can create its own. Two servers may judge the same lock
 * abandoned at once; a claim file named after that lock lets only one remove it, and the claimant
 * removes it only if it is still the very lock judged (not renewed, not replaced meanwhile).
 */
async function takeOver(path: string, seen: Sighting, staleMs: number): Promise<void> {
  const claim = `${path}.takeover-${seen.ino}-${Math.round(seen.mtimeMs * 1000)}`;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(claim, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another server is taking over; a claim left by one that died doing so is itself abandoned.
    const info = await stat(claim).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > staleMs) await rm(claim, { force: true });
    await sleep(10);
    return;
  }
  try {
    await handle.close();
    if (sameLock(seen, await sight(path))) await rm(path, { force: true });
  } finally {
    await rm(claim, { force: true });
  }
}
