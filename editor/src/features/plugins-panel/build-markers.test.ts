import { describe, expect, it } from 'vitest';
import { buildMarkers } from './build-markers.ts';

const SOURCE = "import x from 'y';\n  run(order) {\n    const = 1;\n  },\n";

describe('build issues as Monaco markers', () => {
  it('marks the exact line and column, underlining the token there', () => {
    const [marker] = buildMarkers(SOURCE, [
      { code: 'syntax', file: 'plugin.ts', line: 3, column: 11, message: 'Expected identifier', at: '' },
    ]);
    expect(marker).toEqual({
      severity: 'error',
      message: 'Expected identifier',
      startLineNumber: 3,
      startColumn: 11,
      endLineNumber: 3,
      endColumn: 12,
    });
    const [word] = buildMarkers(SOURCE, [
      { code: 'x', file: 'plugin.ts', line: 2, column: 3, message: 'm', at: '' },
    ]);
    expect(word).toMatchObject({ startColumn: 3, endColumn: 6 });
  });

  it('marks a manifest problem on the line its key is written', () => {
    const source = "export default definePlugin({\n  manifest: {\n    reads: ['receiver.nope'],\n  },\n});\n";
    const [marker] = buildMarkers(source, [
      { code: 'manifest', file: 'plugin.ts', path: 'reads[0]', message: 'no order has a field', at: '' },
    ]);
    expect(marker).toMatchObject({ startLineNumber: 3, startColumn: 5, endColumn: 30 });
  });

  it('puts an issue with neither line nor known key on line 1, and warnings as warnings', () => {
    const markers = buildMarkers(
      SOURCE,
      [{ code: 'manifest', file: 'plugin.ts', path: 'version', message: 'use a semantic version', at: '' }],
      [{ code: 'w', file: 'plugin.ts', line: 99, column: 1, message: 'past the end', at: '' }],
    );
    expect(markers[0]).toMatchObject({
      severity: 'error',
      message: 'manifest.version: use a semantic version',
      startLineNumber: 1,
      startColumn: 1,
      endColumn: 19,
    });
    // A line past the end is clamped to the last one rather than lost.
    expect(markers[1]).toMatchObject({ severity: 'warning', startLineNumber: 5 });
  });
});
