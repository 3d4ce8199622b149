import { describe, expect, it } from 'vitest';
import { CHANGE_KIND_NAMES } from '../../../../api/schemas/simulations.ts';
import { excelText } from '../../../../simulate/input/cell-values.ts';
import { CSV_FIELD_NAMES as SERVER_FIELDS } from '../../../../simulate/input/csv-fields.ts';
import { CHANGE_KINDS } from './change-kinds.ts';
import { CSV_FIELD_NAMES } from './csv-fields.ts';
import { mapRows, sampleCsv } from './csv-preview.ts';

// The bundle keeps its own copies of these lists; the server's are the truth.
describe("the editor's copies of the simulation API's lists", () => {
  it('names the same change kinds as the changes API filters by', () => {
    expect([...CHANGE_KINDS]).toEqual([...CHANGE_KIND_NAMES]);
  });

  it('offers the same standard fields a CSV mapping may name', () => {
    expect([...CSV_FIELD_NAMES]).toEqual([...SERVER_FIELDS]);
  });

  it('previews a text cell as the server reads it, Excel text formulas included', () => {
    const cells = [
      '4012',
      ' 4012 ',
      '="4012345678901234425"',
      '=" 说""急"" "',
      '=""',
      '=SUM(A1)',
      'a="b"',
      '="open',
    ];
    // Written as an exporter quotes them: every cell quoted, inner quotes doubled.
    const csv = `id\n${cells.map((c) => `"${c.replaceAll('"', '""')}"`).join('\n')}\n`;
    const preview = mapRows(sampleCsv(csv, { limit: cells.length }), { columns: { id: 'id' } });
    expect(preview.map((row) => row.id ?? '')).toEqual(cells.map((c) => excelText(c).trim()));
  });
});
