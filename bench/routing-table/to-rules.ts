import type { FactCondition, RuleSet } from '../../engine/rules/schema.ts';
import type { RoutingRow } from './rows.ts';

/** The table as json-rules-engine rules: row order becomes priority, highest first. */
export function toRuleSet(rows: readonly RoutingRow[]): RuleSet {
  const rules = rows.map((row, index) => {
    const all: FactCondition[] = [];
    if (row.platforms) all.push({ fact: 'platform', operator: 'in', value: row.platforms });
    if (row.type) all.push({ fact: 'type', operator: 'equal', value: row.type });
    if (row.provinces)
      all.push({ fact: 'receiver', path: '$.provinceCode', operator: 'in', value: row.provinces });
    if (row.cities) all.push({ fact: 'receiver', path: '$.cityCode', operator: 'in', value: row.cities });
    if (row.amountMin !== undefined) {
      all.push({ fact: 'amounts', path: '$.paid', operator: 'greaterThanInclusive', value: row.amountMin });
    }
    if (row.amountMax !== undefined) {
      all.push({ fact: 'amounts', path: '$.paid', operator: 'lessThan', value: row.amountMax });
    }
    if (row.skusAny) all.push({ fact: 'skus', operator: 'containsAny', value: row.skusAny });
    if (row.weightMin !== undefined) {
      all.push({
        fact: 'totals',
        path: '$.weightKg',
        operator: 'greaterThanInclusive',
        value: row.weightMin,
      });
    }
    return {
      name: row.name,
      priority: rows.length - index,
      conditions: { all },
      event: { type: 'route', params: { warehouse: row.warehouse, row: row.name } },
    };
  });
  return { rules, conditions: {} };
}
