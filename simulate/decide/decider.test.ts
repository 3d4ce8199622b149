import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adaptOrder, detectPlatform } from '../../engine/order/adapters/index.ts';
import { parseOrderJson } from '../../engine/order/raw-json.ts';
import { tmp } from '../simulate.test-helper.ts';
import { writeHeader } from '../sort/run-record.ts';
import { Decider } from './decider.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const recordDir = tmp('decider');

/** The first orders of the sample history, adapted, as one batch of run records. */
function batchOf(count: number): { bytes: Uint8Array; history: Uint32Array } {
  const lines = readFileSync(join(root, 'samples/history/demo-history.ndjson'), 'utf8').split('\n');
  const payloads = lines.slice(0, count).map((text, i) => {
    const raw = parseOrderJson(text);
    return Buffer.from(JSON.stringify(adaptOrder(detectPlatform(raw)!, raw, { line: i + 1 })));
  });
  const bytes = Buffer.alloc(payloads.reduce((sum, p) => sum + 16 + p.length, 0));
  let at = 0;
  payloads.forEach((payload, i) => {
    writeHeader(bytes, at, i, i + 1, payload.length);
    payload.copy(bytes, at + 16);
    at += 16 + payload.length;
  });
  return { bytes, history: new Uint32Array(count) };
}

describe('Decider', () => {
  it('has a recording pipeline’s decision log written when it answers a batch, not a turn later', async () => {
    const decider = await Decider.create({
      role: 'decide',
      strategies: join(root, 'samples/clients/demo/strategies'),
      engine: 'compiled',
      snapshot: {},
      decideAfterMinutes: 0,
      factory: {
        module: fileURLToPath(new URL('../jobs/recording-pipeline.ts', import.meta.url)),
        export: 'createRecordingPipeline',
        options: { recordDir },
      },
    });
    const { bytes, history } = batchOf(5);
    const { decided } = await decider.decide(bytes, history);
    // Read in the same turn: the worker answers now, and may be terminated before its next one.
    const logs = readdirSync(recordDir).filter((name) => name.endsWith('.ndjson'));
    expect(decided).toBe(5);
    expect(logs).toHaveLength(1);
    const lines = readFileSync(join(recordDir, logs[0]!), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).orderId)).toHaveLength(5);
  });
});
