import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { WorkspaceLockedError } from '../errors.ts';
import { fsyncDir } from './atomic-file.ts';

export const LOCK_FILE = '.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** True when a process with this id runs on this machine (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockOwner;
  } catch {
    // Unreadable or half-written: its writer died between create and write, so nobody holds it.
    return undefined;
  }
}

/**
 * One server per workspace: a lock file created exclusively, naming its owner. A lock left by a
 * dead process on this machine (a crash, a SIGKILL) is taken over; a live owner, or one on another
 * machine sharing the folder, makes the second server refuse to start.
 */
export async function acquireWorkspaceLock(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o644);
      await handle.writeFile(JSON.stringify(me));
      await handle.sync();
      await handle.close();
      await fsyncDir(dataDir);
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(path);
    if (owner && (owner.host !== me.host || isAlive(owner.pid))) {
      throw new WorkspaceLockedError(dataDir, `pid ${owner.pid} on ${owner.host} since ${owner.since}`);
    }
    await rm(path, { force: true });
  }
  throw new WorkspaceLockedError(dataDir, 'another process keeps taking the lock');
}
