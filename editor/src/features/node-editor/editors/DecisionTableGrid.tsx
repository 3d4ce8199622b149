import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { eventParams } from '../../../core/document/table-event.ts';
import { DecisionTableHeader } from './DecisionTableHeader.tsx';
import { DecisionTableRow } from './DecisionTableRow.tsx';
import { addInput, addOutput, addRow, type TableContent } from './decision-table-ops.ts';

/** A new output column takes the first param of the event no column has yet. */
const nextParam = (table: TableContent) => {
  const params = eventParams(table.eventType).map((p) => p.name);
  return params.find((p) => !table.outputs.some((o) => o.param === p)) ?? params[0];
};

interface DecisionTableGridProps {
  table: TableContent;
  onChange(table: TableContent): void;
  /** Row issues by row index, from the compiler (empty output, unknown warehouse …). */
  rowIssues: ReadonlyMap<number, string[]>;
}

/** Rows are rules, top to bottom; input columns are conditions (empty = any), output columns the event's params. */
export function DecisionTableGrid({ table, onChange, rowIssues }: DecisionTableGridProps) {
  const { t } = useTranslation();
  return (
    <div className="og-table-wrap nowheel">
      <table className="og-table" data-testid="decision-table">
        <DecisionTableHeader table={table} onChange={onChange} />
        <tbody>
          {table.rows.map((row, r) => (
            <DecisionTableRow
              key={row.id}
              table={table}
              r={r}
              onChange={onChange}
              issues={rowIssues.get(r)}
            />
          ))}
        </tbody>
      </table>
      <div className="og-table__add">
        <Button small onClick={() => onChange(addRow(table))}>
          ＋ {t('table.addRow')}
        </Button>
        <Button small tone="ghost" onClick={() => onChange(addInput(table))}>
          ＋ {t('table.addInput')}
        </Button>
        <Button small tone="ghost" onClick={() => onChange(addOutput(table, nextParam(table)))}>
          ＋ {t('table.addOutput')}
        </Button>
      </div>
    </div>
  );
}
