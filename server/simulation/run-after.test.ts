import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobOutcome } from '../../simulate/jobs/job-thread.ts';
import type { TaskRun } from './job-runner.ts';
import { runAfter } from './run-after.ts';

/** A run that ends `cancelled` when cancelled, or as the test ends it (`end`). */
function heldRun(): TaskRun & { cancels: number; end(outcome: JobOutcome): void } {
  let end: (outcome: JobOutcome) => void = () => undefined;
  const outcome = new Promise<JobOutcome>((resolve) => (end = resolve));
  const run = {
    outcome,
    cancels: 0,
    end: (o: JobOutcome) => end(o),
    cancel: async () => {
      run.cancels++;
      end({ type: 'cancelled' });
    },
  };
  return run;
}

describe('runAfter', () => {
  const folders: string[] = [];
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
  });
  const scratch = async () => {
    const folder = await mkdtemp(join(tmpdir(), 'run-after-'));
    folders.push(folder);
    return folder;
  };

  it('ends cancelled and never starts when the cancel comes while it is set up', async () => {
    const parent = await scratch();
    const starts: string[] = [];
    const run = runAfter(mkdtemp(join(parent, 'run-')), (workDir) => {
      starts.push(workDir);
      return heldRun();
    });
    await run.cancel();
    expect(await run.outcome).toEqual({ type: 'cancelled' });
    expect(starts).toEqual([]);
  });

  it('starts with what its setup gave, and a cancel then reaches the run it started', async () => {
    const parent = await scratch();
    const started: { workDir: string; run: ReturnType<typeof heldRun> }[] = [];
    const run = runAfter(mkdtemp(join(parent, 'run-')), (workDir) => {
      const inner = heldRun();
      started.push({ workDir, run: inner });
      return inner;
    });
    await expect.poll(() => started.length).toBe(1);
    expect(started[0]!.workDir.startsWith(join(parent, 'run-'))).toBe(true);
    await run.cancel();
    expect(started[0]!.run.cancels).toBe(1);
    expect(await run.outcome).toEqual({ type: 'cancelled' });
  });

  it("ends with the started run's own outcome", async () => {
    const inner = heldRun();
    const run = runAfter(Promise.resolve('dir'), () => inner);
    await Promise.resolve();
    inner.end({ type: 'failed', message: 'the history is gone' });
    expect(await run.outcome).toEqual({ type: 'failed', message: 'the history is gone' });
    expect(inner.cancels).toBe(0);
  });

  it('rejects with the error of a setup that fails, and starts nothing', async () => {
    const parent = await scratch();
    let starts = 0;
    const run = runAfter(mkdtemp(join(parent, 'no-such-folder', 'run-')), () => {
      starts++;
      return heldRun();
    });
    await expect(run.outcome).rejects.toMatchObject({ code: 'ENOENT' });
    expect(starts).toBe(0);
  });
});
