import type { RoutingRow } from './rows.ts';

const list = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** The same table as a GoRules JDM graph: input → decision table (hit policy first) → output. */
export function toJdm(rows: readonly RoutingRow[]): object {
  const inputs = [
    { id: 'platform', name: 'Platform', field: 'platform' },
    { id: 'type', name: 'Type', field: 'type' },
    { id: 'province', name: 'Province', field: 'receiver.provinceCode' },
    { id: 'city', name: 'City', field: 'receiver.cityCode' },
    { id: 'amount', name: 'Paid', field: 'amounts.paid' },
    { id: 'skus', name: 'SKUs', field: 'skus' },
    { id: 'weight', name: 'Weight', field: 'totals.weightKg' },
  ];
  const outputs = [
    { id: 'warehouse', name: 'Warehouse', field: 'warehouse' },
    { id: 'row', name: 'Row', field: 'row' },
  ];
  const amount = (row: RoutingRow) =>
    [
      row.amountMin === undefined ? '' : `>= ${row.amountMin}`,
      row.amountMax === undefined ? '' : `< ${row.amountMax}`,
    ]
      .filter(Boolean)
      .join(' and ');
  const tableRules = rows.map((row, index) => ({
    _id: `r${index}`,
    platform: row.platforms ? list(row.platforms) : '',
    type: row.type ? JSON.stringify(row.type) : '',
    province: row.provinces ? list(row.provinces) : '',
    city: row.cities ? list(row.cities) : '',
    amount: amount(row),
    skus: row.skusAny ? `some($, # in [${list(row.skusAny)}])` : '',
    weight: row.weightMin === undefined ? '' : `>= ${row.weightMin}`,
    warehouse: JSON.stringify(row.warehouse),
    row: JSON.stringify(row.name),
  }));
  return {
    nodes: [
      { id: 'input', type: 'inputNode', name: 'Order', position: { x: 0, y: 0 } },
      {
        id: 'table',
        type: 'decisionTableNode',
        name: 'Warehouse routing',
        position: { x: 300, y: 0 },
        content: { hitPolicy: 'first', inputs, outputs, rules: tableRules },
      },
      { id: 'output', type: 'outputNode', name: 'Decision', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'input', targetId: 'table', type: 'edge' },
      { id: 'e2', sourceId: 'table', targetId: 'output', type: 'edge' },
    ],
  };
}
