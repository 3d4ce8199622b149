import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptDocumentError } from '../errors.ts';
import { NdjsonLog, readNdjson } from './ndjson-log.ts';

const tempLog = async () => join(await mkdtemp(join(tmpdir(), 'ordergraph-log-')), 'sub/log.ndjson');
const identity = (v: unknown) => v;

describe('NdjsonLog', () => {
  it('keeps concurrent appends whole and in call order', async () => {
    const path = await tempLog();
    const log = new NdjsonLog(path);
    await Promise.all(Array.from({ length: 200 }, (_, i) => log.append([{ i }, { i, second: true }])));
    await log.close();
    const values = (await readNdjson(path, identity)) as { i: number }[];
    expect(values).toHaveLength(400);
    expect(values.map((v) => v.i)).toEqual(Array.from({ length: 200 }, (_, i) => [i, i]).flat());
  });

  it('ignores a torn last line, and cuts it off before the next append', async () => {
    const path = await tempLog();
    const log = new NdjsonLog(path);
    await log.append([{ n: 1 }]);
    await log.close();
    await appendFile(path, '{"n":2,"half');
    expect(await readNdjson(path, identity)).toEqual([{ n: 1 }]);
    const again = new NdjsonLog(path);
    await again.append([{ n: 3 }]);
    await again.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('reports a broken line in the middle as corruption with its line number', async () => {
    const path = await tempLog();
    const log = new NdjsonLog(path);
    await log.append([{ n: 1 }]);
    await log.close();
    await appendFile(path, 'not json\n{"n":3}\n');
    const error = await readNdjson(path, identity).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptDocumentError);
    expect((error as CorruptDocumentError).location.line).toBe(2);
  });

  it('reads a missing log as empty and filters lines before parsing them', async () => {
    const path = await tempLog();
    expect(await readNdjson(path, identity)).toEqual([]);
    const log = new NdjsonLog(path);
    await log.append([{ k: 'a' }, { k: 'b' }]);
    expect(await readNdjson(path, identity, (line) => line.includes('"b"'))).toEqual([{ k: 'b' }]);
    await log.close();
  });
});
