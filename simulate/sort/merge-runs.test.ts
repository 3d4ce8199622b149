import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { folderMaker } from '../simulate.test-helper.ts';
import { compactRuns, RunMerger } from './merge-runs.ts';
import { RunWriter } from './run-writer.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const folder = folderMaker('runs');

function merged(files: readonly string[]): { key: number; line: number; json: string }[] {
  const merger = new RunMerger(files);
  const out: { key: number; line: number; json: string }[] = [];
  for (let r = merger.next(); r; r = merger.next())
    out.push({ key: r.key, line: r.line, json: text(r.payload) });
  return out;
}

describe('external sort', () => {
  // Keys repeat so ties must fall back to the line; payloads hold multi-byte text.
  const records = Array.from({ length: 500 }, (_, i) => ({
    key: ((i * 7919) % 97) * 1000,
    line: i + 1,
    json: JSON.stringify({ id: `订单-${i}`, note: 'x'.repeat(i % 13) }),
  }));
  const expected = [...records].sort((a, b) => a.key - b.key || a.line - b.line);

  it('writes sorted runs of bounded size and merges them into (time, line) order', () => {
    const dir = folder();
    const writer = new RunWriter(dir, 'w0', 4096);
    for (const r of records) writer.add(r.key, r.line, r.json);
    writer.flush();
    expect(writer.runs.length).toBeGreaterThan(5);
    expect(writer.runs.reduce((n, r) => n + r.records, 0)).toBe(records.length);
    expect(merged(writer.runs.map((r) => r.file))).toEqual(expected);
  });

  it('merges in rounds when there are more runs than the fan-in, deleting what it merged', () => {
    const dir = folder();
    const writer = new RunWriter(dir, 'w0', 2048);
    for (const r of records) writer.add(r.key, r.line, r.json);
    writer.flush();
    const runs = compactRuns(
      writer.runs.map((r) => r.file),
      dir,
      { fanIn: 3 },
    );
    expect(runs.length).toBeLessThanOrEqual(3);
    expect(readdirSync(dir)).toHaveLength(runs.length);
    expect(merged(runs)).toEqual(expected);
  });

  it('reads an order larger than its read buffer', () => {
    const dir = folder();
    const writer = new RunWriter(dir, 'w0', 1 << 30);
    const big = JSON.stringify({ remark: '大'.repeat(200_000) });
    writer.add(2, 1, big);
    writer.add(1, 2, '{}');
    writer.flush();
    expect(merged(writer.runs.map((r) => r.file)).map((r) => r.json)).toEqual(['{}', big]);
  });

  it('keeps every order whole when its byte arena grows mid-run and is reused by the next run', () => {
    const dir = folder();
    // ~450 KB of UTF-8 each (3 bytes a character), against a 1 MB first arena and 3 MB runs: the
    // arena grows with orders in it, and the second run is written from the arena the first left.
    const large = Array.from({ length: 14 }, (_, i) => ({
      key: (i * 5) % 7,
      line: i + 1,
      json: JSON.stringify({ id: `订单-${i}`, remark: String.fromCharCode(0x4e00 + i).repeat(150_000) }),
    }));
    const writer = new RunWriter(dir, 'w0', 3 * 2 ** 20);
    for (const r of large) writer.add(r.key, r.line, r.json);
    writer.flush();
    expect(writer.runs).toHaveLength(2);
    const sorted = [...large].sort((a, b) => a.key - b.key || a.line - b.line);
    expect(merged(writer.runs.map((r) => r.file))).toEqual(sorted);
  });

  it('writes orders larger than its write chunk between smaller ones, each whole and in place', () => {
    const dir = folder();
    // Runs of 4 KB are written through a chunk of about that size: the 20 KB orders go past it.
    const mixed = Array.from({ length: 40 }, (_, i) => ({
      key: (i * 11) % 13,
      line: i + 1,
      json: JSON.stringify({ id: `订单-${i}`, remark: i % 4 === 0 ? '备'.repeat(7_000) : 'x'.repeat(i) }),
    }));
    const writer = new RunWriter(dir, 'w0', 4096);
    for (const r of mixed) writer.add(r.key, r.line, r.json);
    writer.flush();
    const sorted = [...mixed].sort((a, b) => a.key - b.key || a.line - b.line);
    expect(merged(writer.runs.map((r) => r.file))).toEqual(sorted);
  });
});
