import { OrdergraphError } from '../../engine/errors/index.ts';

/** A write built on a revision (or release) that is no longer current; `current` is what is there now. */
export class RevisionConflictError extends OrdergraphError {
  readonly code = 'stale_revision';

  constructor(
    readonly what: string,
    readonly current: number | undefined,
    readonly expected: number,
  ) {
    super(
      current === undefined
        ? `${what} changed while you edited it`
        : `${what} is at ${current}, not ${expected}: reload it, reapply your change, and send it again`,
    );
  }
}

export class AlreadyExistsError extends OrdergraphError {
  readonly code = 'already_exists';

  constructor(readonly what: string) {
    super(`${what} already exists`);
  }
}

export class NotFoundError extends OrdergraphError {
  readonly code = 'not_found';

  constructor(readonly what: string) {
    super(`${what} does not exist`);
  }
}

/** A stored document that does not parse or validate: a hand edit gone wrong, or a bug. Never shown to API callers. */
export class CorruptDocumentError extends OrdergraphError {
  readonly code = 'corrupt_document';

  constructor(
    readonly file: string,
    reason: string,
    line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`} is not a valid document: ${reason}`, { line });
  }
}

/** Another live process holds the workspace; two servers writing one folder would interleave writes. */
export class WorkspaceLockedError extends OrdergraphError {
  readonly code = 'workspace_locked';

  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `${dataDir} is in use by another ordergraph server (${holder}); stop it or choose another DATA_DIR`,
    );
  }
}

/** DATA_DIR (or this server's lock file in it) is gone from disk: nothing may be written until it is back. */
export class WorkspaceMissingError extends OrdergraphError {
  readonly code = 'workspace_missing';

  constructor(
    readonly dataDir: string,
    readonly detail: string,
  ) {
    super(
      `the workspace ${dataDir} is not there any more (${detail}); restart the server on a DATA_DIR that exists`,
    );
  }
}
