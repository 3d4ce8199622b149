import { OrdergraphError } from '../engine/errors/index.ts';
// The error class alone, not the sandbox's index: every start of the CLI loads this module.
import { SandboxError } from '../sandbox/errors/sandbox-error.ts';

/** Exit codes: 1 when what was checked is wrong (an invalid graph, a failing test), 2 when the input is. */
export const EXIT = { ok: 0, invalid: 1, badInput: 2, internal: 70 } as const;

export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** Prints what went wrong in one line; a stack only when ORDERGRAPH_DEBUG is set, since users cannot act on it. */
export function reportFailure(error: unknown): number {
  if (error instanceof CliExit) return error.exitCode;
  if (error instanceof OrdergraphError || error instanceof SandboxError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`internal error: ${message}\n`);
  if (process.env.ORDERGRAPH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('(this is a bug in ordergraph; set ORDERGRAPH_DEBUG=1 for details)\n');
  return EXIT.internal;
}
