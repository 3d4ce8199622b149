import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliArgs } from '../../test-support/run-cli.ts';

describe('a reader that stops early (`ordergraph demo | head -1`)', () => {
  it('ends the CLI quietly with 0, not with an EPIPE stack', async () => {
    const child = spawn(process.execPath, cliArgs(['demo']), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const first = await new Promise<string>((resolve) => {
      child.stdout.once('data', (chunk: Buffer) => {
        // What `head -1` does after its line: close the pipe while the writer still writes.
        child.stdout.destroy();
        resolve(chunk.toString());
      });
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(first).toContain('Ordergraph demo');
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  }, 60_000);
});
