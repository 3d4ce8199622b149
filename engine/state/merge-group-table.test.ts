import { describe, expect, it } from 'vitest';
import { fnv1a64 } from '../nodes/merge/fnv.ts';
import { MergeGroupTable } from './merge-group-table.ts';

const keyOf = (i: number) => fnv1a64(`order ${i}`);

function recordAll(table: MergeGroupTable, count: number, closesAt: (i: number) => number): void {
  for (let i = 0; i < count; i++) {
    expect(table.accepts(keyOf(i))).toBe(true);
    table.record({ closesAt: closesAt(i), size: 1 + (i % 5) });
  }
}

describe('MergeGroupTable', () => {
  it('takes the merge event keys only: 16 lowercase hex digits', () => {
    const table = new MergeGroupTable();
    expect(table.accepts('0123456789abcdef')).toBe(true);
    expect(table.accepts(keyOf(1))).toBe(true);
    for (const other of [
      '0123456789ABCDEF',
      '0123456789abcde',
      '0123456789abcdef0',
      '0123456789abcdeg',
      '',
      ' 123456789abcdef',
    ]) {
      expect(table.accepts(other)).toBe(false);
    }
  });

  it('holds many more groups than it starts with, each under its own key, spelled back as given', () => {
    const table = new MergeGroupTable();
    recordAll(table, 20_000, (i) => 1000 + i);
    expect(table.size).toBe(20_000);
    for (let i = 0; i < 20_000; i += 7) {
      table.accepts(keyOf(i));
      expect(table.open(0)).toEqual({ closesAt: 1000 + i, size: 1 + (i % 5) });
      expect(table.open(1000 + i)).toBeUndefined();
    }
    const entries = new Map(table.entries());
    expect(entries.size).toBe(20_000);
    expect(entries.get(keyOf(123))).toEqual({ closesAt: 1123, size: 4 });
  });

  it('keeps the later state of a key: by closing time, then size', () => {
    const table = new MergeGroupTable();
    table.accepts(keyOf(1));
    table.record({ closesAt: 50, size: 3 });
    table.record({ closesAt: 40, size: 9 });
    expect(table.open(0)).toEqual({ closesAt: 50, size: 3 });
    table.record({ closesAt: 50, size: 4 });
    expect(table.open(0)).toEqual({ closesAt: 50, size: 4 });
    expect(table.size).toBe(1);
  });

  it('sweeps out the groups closed by the latest time, and only those', () => {
    const table = new MergeGroupTable();
    recordAll(table, 10_000, (i) => i);
    table.sweep(7_999);
    expect(table.size).toBe(2_000);
    expect([...table.entries()].every(([, group]) => group.closesAt > 7_999)).toBe(true);
    table.accepts(keyOf(9_000));
    expect(table.open(8_500)).toEqual({ closesAt: 9_000, size: 1 });
    table.accepts(keyOf(10));
    expect(table.open(0)).toBeUndefined();
  });

  it('after a sweep, finds the groups left and takes new ones, growing again', () => {
    const table = new MergeGroupTable();
    recordAll(table, 3_000, (i) => i);
    table.sweep(1_999);
    for (let i = 3_000; i < 6_000; i++) {
      table.accepts(keyOf(i));
      table.record({ closesAt: i, size: 2 });
    }
    expect(table.size).toBe(4_000);
    let wrong = 0;
    for (let i = 0; i < 6_000; i++) {
      table.accepts(keyOf(i));
      const group = table.open(0);
      if (i < 2_000 ? group !== undefined : group?.closesAt !== i) wrong++;
    }
    expect(wrong).toBe(0);
    expect(new Map(table.entries()).get(keyOf(2_500))).toEqual({ closesAt: 2_500, size: 1 });
  });

  it('grows again after a sweep leaves exactly full segments, and loses none it moved', () => {
    const table = new MergeGroupTable();
    // 4,096 kept fill whole segments of any power-of-two size up to 4,096 groups.
    recordAll(table, 6_144, (i) => i);
    table.sweep(2_047);
    expect(table.size).toBe(4_096);
    for (let i = 6_144; i < 9_000; i++) {
      table.accepts(keyOf(i));
      table.record({ closesAt: i, size: 3 });
    }
    expect(table.size).toBe(6_952);
    const entries = new Map(table.entries());
    let wrong = 0;
    for (let i = 2_048; i < 9_000; i++) if (entries.get(keyOf(i))?.closesAt !== i) wrong++;
    expect(wrong).toBe(0);
    table.accepts(keyOf(6_143));
    expect(table.open(0)).toEqual({ closesAt: 6_143, size: 1 + (6_143 % 5) });
  });
});
