import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulationReportSchema } from './report/report-schema.ts';
import { tmp } from './simulate.test-helper.ts';

const root = new URL('../', import.meta.url).pathname;
const out = tmp('simulate-cli');

function ordergraph(args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/ordergraph.js'), 'simulate', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ordergraph simulate', () => {
  it('replays the sample CSV export with its mapping, prints a summary and writes both reports', () => {
    const json = join(out, 'report.json');
    const html = join(out, 'report.html');
    const { code, stdout } = ordergraph([
      '--strategies',
      'samples/clients/demo/strategies',
      '--orders',
      'samples/history/old-system-export.csv',
      '--map',
      'samples/history/old-system-mapping.json',
      '--workers',
      '1',
      '--json',
      json,
      '--html',
      html,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Simulated 40 orders of samples\/history\/old-system-export\.csv in [\d.]+ s/);
    expect(stdout).toContain(
      'decided    38, skipped 2 (first: line 15: column "数量" (lines.qty): "两件" is not a number)',
    );
    const report = SimulationReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.skipped.map((s) => s.line)).toEqual([15, 21]);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
  });
});
