import { uniqueId } from '../../../core/ids/unique-id.ts';

/** The decision table's content, as its editor reads it (the kind's schema is the authority). */
export interface TableInput {
  id: string;
  fact: string;
  label: string;
}
export interface TableOutput {
  id: string;
  param: string;
  label: string;
}
export interface TableCell {
  operator: string;
  value: unknown;
}
export interface TableRow {
  id: string;
  when: Record<string, TableCell | null>;
  outputs: Record<string, unknown>;
  note: string;
}
export interface TableContent {
  inputs: TableInput[];
  outputs: TableOutput[];
  eventType: string;
  rows: TableRow[];
}

export function readTable(content: unknown): TableContent {
  const c = (content ?? {}) as Partial<TableContent>;
  return {
    inputs: c.inputs ?? [],
    outputs: c.outputs ?? [],
    eventType: c.eventType ?? 'route',
    rows: (c.rows ?? []).map((r) => ({
      id: r.id,
      when: r.when ?? {},
      outputs: r.outputs ?? {},
      note: r.note ?? '',
    })),
  };
}

const ids = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id));

export function addRow(table: TableContent, after?: number): TableContent {
  const row: TableRow = { id: uniqueId('row', ids(table.rows)), when: {}, outputs: {}, note: '' };
  const rows = [...table.rows];
  rows.splice(after === undefined ? rows.length : after + 1, 0, row);
  return { ...table, rows };
}

export function duplicateRow(table: TableContent, index: number): TableContent {
  const source = table.rows[index];
  if (!source) return table;
  const rows = [...table.rows];
  rows.splice(index + 1, 0, { ...structuredClone(source), id: uniqueId(source.id, ids(table.rows)) });
  return { ...table, rows };
}

export function moveRow(table: TableContent, from: number, to: number): TableContent {
  if (to < 0 || to >= table.rows.length) return table;
  const rows = [...table.rows];
  const [row] = rows.splice(from, 1);
  rows.splice(to, 0, row!);
  return { ...table, rows };
}

export function removeRow(table: TableContent, index: number): TableContent {
  return { ...table, rows: table.rows.filter((_, i) => i !== index) };
}

export function addInput(table: TableContent, fact = 'amounts.total'): TableContent {
  const id = uniqueId(fact.split('.').pop() ?? 'input', ids(table.inputs));
  return { ...table, inputs: [...table.inputs, { id, fact, label: '' }] };
}

/** Removing a column removes its cells from every row, so no row keeps a condition nobody sees. */
export function removeInput(table: TableContent, id: string): TableContent {
  return {
    ...table,
    inputs: table.inputs.filter((c) => c.id !== id),
    rows: table.rows.map((r) => {
      const { [id]: _gone, ...when } = r.when;
      return { ...r, when };
    }),
  };
}

export function addOutput(table: TableContent, param = 'warehouse'): TableContent {
  const id = uniqueId(param, ids(table.outputs));
  return { ...table, outputs: [...table.outputs, { id, param, label: '' }] };
}

export function removeOutput(table: TableContent, id: string): TableContent {
  return {
    ...table,
    outputs: table.outputs.filter((c) => c.id !== id),
    rows: table.rows.map((r) => {
      const { [id]: _gone, ...outputs } = r.outputs;
      return { ...r, outputs };
    }),
  };
}

/** An empty cell matches anything: the operator "" clears it. */
export function setCell(
  table: TableContent,
  row: number,
  column: string,
  cell: TableCell | null,
): TableContent {
  return {
    ...table,
    rows: table.rows.map((r, i) => {
      if (i !== row) return r;
      const when = { ...r.when };
      if (cell) when[column] = cell;
      else delete when[column];
      return { ...r, when };
    }),
  };
}

export function setOutput(table: TableContent, row: number, column: string, value: unknown): TableContent {
  return {
    ...table,
    rows: table.rows.map((r, i) => {
      if (i !== row) return r;
      const outputs = { ...r.outputs };
      if (value === undefined || value === '') delete outputs[column];
      else outputs[column] = value;
      return { ...r, outputs };
    }),
  };
}
