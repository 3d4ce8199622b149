import { randomBytes } from 'node:crypto';
import { readFile, readlink } from 'node:fs/promises';
import { hostname } from 'node:os';

/** What a workspace lock file says about the process holding it. */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** Random per acquisition: the holder's heartbeat recognises its own lock by it. */
  token: string;
  /** The holder's stale age: a lock not renewed for this long is abandoned. */
  staleMs: number;
  /**
   * Linux only: the kernel boot, the PID namespace the pid means something in, and when the
   * process started (clock ticks since boot). Together they let a process that shares all three
   * tell for sure that the holder is gone, without waiting out the stale age.
   */
  bootId?: string;
  pidNamespace?: string;
  startTime?: string;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat; the name in field 2 may hold spaces and parentheses, so count from its end. */
async function startTimeOf(pid: number): Promise<string | undefined> {
  const stat = await readText(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

export async function currentOwner(staleMs: number): Promise<LockOwner> {
  const [bootId, pidNamespace, startTime] = await Promise.all([
    readText('/proc/sys/kernel/random/boot_id'),
    readlink('/proc/self/ns/pid').catch(() => undefined),
    startTimeOf(process.pid),
  ]);
  return {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
    staleMs,
    ...(bootId ? { bootId } : {}),
    ...(pidNamespace ? { pidNamespace } : {}),
    ...(startTime ? { startTime } : {}),
  };
}

/** A lock file's content, or undefined when it is not one (empty: its writer died between create and write). */
export function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return { since: '?', token: '', staleMs: 0, ...value } as LockOwner;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What this process can know about the holder from its pid: `dead`, `alive`, or `unknown` when
 * the pid means nothing here. A pid is only evidence on the same host, boot and PID namespace: a
 * restarted container is pid 1 again in a new namespace, and a pid 1 it sees is itself, not the
 * holder. Outside Linux (no namespaces to tell apart) the host alone decides, as it always did.
 */
export async function holderState(owner: LockOwner, me: LockOwner): Promise<'dead' | 'alive' | 'unknown'> {
  if (owner.token === '') return legacyHolderState(owner, me);
  if (owner.host !== me.host || owner.bootId !== me.bootId || owner.pidNamespace !== me.pidNamespace) {
    return 'unknown';
  }
  if (!isRunning(owner.pid)) return 'dead';
  // The pid runs: the holder, or a later process that was given its number.
  if (owner.startTime === undefined || me.startTime === undefined) return 'alive';
  const startTime = await startTimeOf(owner.pid);
  if (startTime === undefined) return 'dead';
  return startTime === owner.startTime ? 'alive' : 'dead';
}

/**
 * A lock written before locks were leases (no token, never renewed: its mtime is its holder's start).
 * Judged as it was then, by the pid on this host, so a server still running the old version keeps
 * its folder; except that a lock naming our own pid cannot be ours (we have not written one yet):
 * it is a restarted container's pid 1 before us.
 */
function legacyHolderState(owner: LockOwner, me: LockOwner): 'dead' | 'alive' | 'unknown' {
  if (owner.host !== me.host) return 'unknown';
  if (owner.pid === me.pid) return 'dead';
  return isRunning(owner.pid) ? 'alive' : 'dead';
}

export function describeOwner(owner: LockOwner | undefined, renewedMsAgo: number): string {
  const renewed = `lock renewed ${(renewedMsAgo / 1000).toFixed(1)} s ago`;
  return owner
    ? `pid ${owner.pid} on ${owner.host} since ${owner.since}, ${renewed}`
    : `an unreadable lock, ${renewed}`;
}
