import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OrdergraphError } from '../../../engine/errors/index.ts';
import { WorkspaceMissingError } from '../errors.ts';
import { layout } from './layout.ts';

/** A write reached a workspace opened only to read: a bug in whoever opened it. */
export class ReadOnlyWorkspaceError extends OrdergraphError {
  readonly code = 'workspace_read_only';

  constructor(readonly dataDir: string) {
    super(`${dataDir} is open read-only here (an evaluator): writes go through the control server`);
  }
}

/** Stands in for the workspace lock in a process that only reads: refuses writes, checks the folder is there. */
export class ReadOnlyGuard {
  constructor(private readonly dir: string) {}

  assertHeld(): void {
    throw new ReadOnlyWorkspaceError(this.dir);
  }

  async verify(): Promise<void> {
    try {
      await stat(join(this.dir, layout.workspace));
    } catch {
      throw new WorkspaceMissingError(
        this.dir,
        'it holds no workspace: start the control server (ordergraph serve) on it first',
      );
    }
  }

  async release(): Promise<void> {}
}
