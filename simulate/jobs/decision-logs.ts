import { once } from 'node:events';
import { createReadStream, createWriteStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DecisionOutline } from '../decide/decision-outline.ts';
import { changedKinds } from '../diff/change-kinds.ts';
import { BusinessTally } from '../report/business-metrics.ts';
import type { BusinessReport } from '../report/business-schema.ts';
import type { OrderRecord } from './order-record.ts';

/** The decision log a pipeline with this fingerprint wrote in `dir` (any of them: alike pipelines decide alike). */
export function logOf(dir: string, fingerprint: string): string | undefined {
  const name = readdirSync(dir).find((n) => n.startsWith(`${fingerprint}-`) && n.endsWith('.ndjson'));
  return name === undefined ? undefined : join(dir, name);
}

async function* records(file: string): AsyncGenerator<OrderRecord> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  // Written by `recording-pipeline.ts` in this run: trusted, so parsed without a schema pass per order.
  for await (const line of lines) if (line !== '') yield JSON.parse(line) as OrderRecord;
}

export interface LogSummary {
  business: BusinessReport;
  /** Orders decided differently, when there was a baseline. */
  changed: number | null;
}

/**
 * Reads the candidate's log (and the baseline's beside it, line for line: both decided the same
 * orders in the same order) into business metrics, and writes each changed order to `changesFile`
 * as one line: its position, id, kinds of change, and both decisions with the rules they fired.
 */
export async function summariseLogs(
  candidateLog: string,
  baselineLog: string | undefined,
  changesFile: string,
): Promise<LogSummary> {
  const candidate = new BusinessTally();
  const out = createWriteStream(changesFile);
  if (!baselineLog) {
    for await (const record of records(candidateLog)) candidate.add(record);
    out.end();
    await once(out, 'close');
    return { business: { candidate: candidate.result() }, changed: null };
  }
  const baseline = new BusinessTally();
  const other = records(baselineLog);
  let seq = 0;
  let changed = 0;
  for await (const c of records(candidateLog)) {
    const next = await other.next();
    if (next.done) throw new Error('the baseline decided fewer orders than the candidate');
    const b = next.value;
    candidate.add(c);
    baseline.add(b);
    const kinds = changedKinds(
      b.outline as unknown as DecisionOutline,
      c.outline as unknown as DecisionOutline,
    );
    if (kinds.length > 0) {
      changed++;
      const line = JSON.stringify({
        seq,
        orderId: c.orderId,
        kinds,
        baseline: { ...b.outline, fired: b.fired },
        candidate: { ...c.outline, fired: c.fired },
      });
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
    seq++;
  }
  out.end();
  await once(out, 'close');
  return { business: { candidate: candidate.result(), baseline: baseline.result() }, changed };
}
