import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiled, tagStrategy } from '../../test/fixtures.ts';
import { isTempFile } from '../embedded/atomic-file.ts';
import { openEmbeddedStore } from '../embedded/embedded-store.ts';
import type { Store } from '../store.ts';

const writer = new URL('./crash-writer.ts', import.meta.url).pathname;
const ROUNDS = 25;

type Ack =
  | { op: 'draft'; strategyId: string; revision: number }
  | { op: 'version'; strategyId: string; version: number }
  | { op: 'publish'; release: number }
  | { op: 'audit' | 'state'; orderId: string };

interface Writer {
  /** Lets the loaded writer open the store and write; SIGKILLs it a random while after; what it acknowledged. */
  run(): Promise<Ack[]>;
  /** For a writer never run: a failed round must not leave it waiting. */
  kill(): void;
}

function spawnWriter(dataDir: string, fixture: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, fixture]);
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<string | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  child.stdout.on('data', (chunk) => {
    const wasReady = out.includes('ready\n');
    out += chunk;
    if (!wasReady && out.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), Math.random() * 300);
  });
  return {
    run: async () => {
      child.stdin.write('go\n');
      if ((await exited) !== 'SIGKILL') throw new Error(`the writer stopped by itself:\n${err}`);
      const lines = out.split('\n');
      // The last piece has no newline: a line the kill cut short, never a whole acknowledgement.
      lines.pop();
      return lines.filter((l) => l !== 'loaded' && l !== 'ready').map((l) => JSON.parse(l) as Ack);
    },
    kill: () => child.kill('SIGKILL'),
  };
}

async function expectAcknowledged(store: Store, acks: readonly Ack[]): Promise<void> {
  const seen = new Set((await store.state.load('acme')).seenOrders);
  const live = (await store.releases.live('acme'))?.release ?? 0;
  for (const ack of acks) {
    if (ack.op === 'draft') {
      expect((await store.strategies.get('acme', ack.strategyId))?.revision).toBeGreaterThanOrEqual(
        ack.revision,
      );
    } else if (ack.op === 'version') {
      expect(
        await store.versions.get('acme', ack.strategyId, ack.version),
        JSON.stringify(ack),
      ).toBeDefined();
    } else if (ack.op === 'publish') {
      expect(live).toBeGreaterThanOrEqual(ack.release);
    } else if (ack.op === 'audit') {
      expect(await store.audit.findByOrder('acme', ack.orderId), ack.orderId).toHaveLength(1);
    } else {
      expect(seen.has(ack.orderId), ack.orderId).toBe(true);
    }
  }
  expect((await store.releases.list('acme')).map((r) => r.release)).toEqual(
    Array.from({ length: live }, (_, i) => live - i),
  );
}

/** Every JSON document parses; every log line but a torn last one parses; no temp file is left. */
async function expectNothingHalfWritten(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    expect(isTempFile(entry.name), path).toBe(false);
    const text = await readFile(path, 'utf8');
    if (entry.name.endsWith('.json')) expect(() => JSON.parse(text), path).not.toThrow();
    if (entry.name.endsWith('.ndjson')) {
      const lines = text.split('\n');
      lines.pop();
      for (const line of lines) expect(() => JSON.parse(line), path).not.toThrow();
    }
  }
}

describe('embedded store under SIGKILL', () => {
  it(`keeps every acknowledged write and no half-written document, over ${ROUNDS} kills`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ordergraph-crash-'));
    const fixture = join(dataDir, '..', `${dataDir.split('/').pop()}.fixture.json`);
    const strategy = tagStrategy('acme', 's0');
    await writeFile(fixture, JSON.stringify({ strategy, compiled: compiled(strategy) }));
    let acknowledged = 0;
    let next: Writer | undefined = spawnWriter(dataDir, fixture);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const running = next!.run();
        // The next writer loads while this one writes; it touches nothing until told to go.
        next = round + 1 < ROUNDS ? spawnWriter(dataDir, fixture) : undefined;
        const acks = await running;
        acknowledged += acks.length;
        // A fresh store, as the next server would open it: takes over the dead writer's lock, sweeps its temp files.
        const store = await openEmbeddedStore(dataDir);
        try {
          await expectNothingHalfWritten(dataDir);
          await expectAcknowledged(store, acks);
        } finally {
          await store.close();
        }
      }
    } finally {
      next?.kill();
    }
    // The kills must land among writes, not before the first one.
    expect(acknowledged).toBeGreaterThan(ROUNDS * 5);
  }, 90_000);
});
