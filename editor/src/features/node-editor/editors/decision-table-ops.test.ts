import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../../../core/engine.ts';
import { demoClient, tinyStrategy } from '../../../core/test-fixtures.ts';
import {
  addInput,
  addOutput,
  addRow,
  duplicateRow,
  moveRow,
  readTable,
  removeInput,
  removeRow,
  setCell,
  setOutput,
} from './decision-table-ops.ts';

const table = () =>
  readTable({
    inputs: [{ id: 'province', fact: 'receiver', label: '' }],
    outputs: [{ id: 'warehouse', param: 'warehouse', label: '' }],
    eventType: 'route',
    rows: [],
  });

describe('decision table editing', () => {
  it('adds, fills, duplicates, moves and removes rows', () => {
    let t = addRow(addRow(table()));
    expect(t.rows.map((r) => r.id)).toEqual(['row', 'row-2']);
    t = setCell(t, 0, 'province', { operator: 'inRegion', value: ['上海'] });
    t = setOutput(t, 0, 'warehouse', 'WH-SH');
    t = duplicateRow(t, 0);
    expect(t.rows[1]).toMatchObject({ id: 'row-3', outputs: { warehouse: 'WH-SH' } });
    t = moveRow(t, 2, 0);
    expect(t.rows.map((r) => r.id)).toEqual(['row-2', 'row', 'row-3']);
    t = removeRow(t, 0);
    expect(t.rows.map((r) => r.id)).toEqual(['row', 'row-3']);
    t = setCell(t, 0, 'province', null);
    expect(t.rows[0]!.when).toEqual({});
  });

  it('removes a column’s cells with the column', () => {
    let t = addInput(table(), 'totals.weightKg');
    t = setCell(addRow(t), 0, 'weightKg', { operator: 'greaterThan', value: 20 });
    t = removeInput(t, 'weightKg');
    expect(t.inputs.map((c) => c.id)).toEqual(['province']);
    expect(t.rows[0]!.when).toEqual({});
    expect(addOutput(t).outputs.map((c) => c.id)).toEqual(['warehouse', 'warehouse-2']);
  });

  it('builds a table the compiler accepts', () => {
    let t = setOutput(addRow(table()), 0, 'warehouse', demoClient().warehouses[0]!.id);
    t = setCell(t, 0, 'province', { operator: 'inRegion', value: ['浙江'] });
    const doc = tinyStrategy();
    doc.family = 'routing';
    doc.nodes[2] = { ...doc.nodes[2]!, kind: 'decisionTable', content: t };
    const result = compileStrategy(doc, { client: { ...demoClient(), id: 'demo' } });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
