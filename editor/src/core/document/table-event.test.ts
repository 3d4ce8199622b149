import { describe, expect, it } from 'vitest';
import { eventParams, switchTableEvent, tableEventFor } from './table-event.ts';

const routeTable = {
  inputs: [],
  eventType: 'route',
  outputs: [
    { id: 'warehouse', param: 'warehouse', label: '仓库' },
    { id: 'note', param: 'message', label: '' },
  ],
  rows: [{ id: 'row', when: {}, outputs: { warehouse: 'WH-SH', note: 'x' }, note: '' }],
};

describe('decision tables by stage and event', () => {
  it('decides what its stage decides: an approval table holds, a routing table routes', () => {
    expect(tableEventFor('approval')).toBe('hold');
    expect(tableEventFor('routing')).toBe('route');
  });

  it("lists an event's required params first", () => {
    expect(eventParams('hold')[0]).toEqual({ name: 'reason', required: true });
    expect(eventParams('hold').map((p) => p.name)).toContain('urgent');
  });

  it('drops the columns and cells the new event has no param for, and adds its required ones', () => {
    const hold = switchTableEvent(routeTable, 'hold');
    expect(hold.eventType).toBe('hold');
    expect(hold.outputs).toEqual([
      { id: 'note', param: 'message', label: '' },
      { id: 'reason', param: 'reason', label: '' },
    ]);
    expect(hold.rows[0]!.outputs).toEqual({ note: 'x' });
  });

  it('keeps the columns the event has a param for', () => {
    const back = switchTableEvent(routeTable, 'route');
    expect(back.outputs.map((o) => o.param)).toEqual(['warehouse']);
  });

  it('gives a table of an event with only optional params its first one, so rows can say something', () => {
    const empty = { ...routeTable, outputs: [] as typeof routeTable.outputs, rows: [] };
    expect(switchTableEvent(empty, 'route').outputs.map((o) => o.param)).toEqual(['warehouse']);
  });
});
