import { describe, expect, it } from 'vitest';
import { CHANGE_KIND_NAMES } from '../../../../api/schemas/simulations.ts';
import { CSV_FIELD_NAMES as SERVER_FIELDS } from '../../../../simulate/input/csv-fields.ts';
import { CHANGE_KINDS } from './change-kinds.ts';
import { CSV_FIELD_NAMES } from './csv-fields.ts';

// The bundle keeps its own copies of these lists; the server's are the truth.
describe("the editor's copies of the simulation API's lists", () => {
  it('names the same change kinds as the changes API filters by', () => {
    expect([...CHANGE_KINDS]).toEqual([...CHANGE_KIND_NAMES]);
  });

  it('offers the same standard fields a CSV mapping may name', () => {
    expect([...CSV_FIELD_NAMES]).toEqual([...SERVER_FIELDS]);
  });
});
