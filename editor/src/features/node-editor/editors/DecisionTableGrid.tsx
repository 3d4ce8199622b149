import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { DecisionTableHeader } from './DecisionTableHeader.tsx';
import { DecisionTableRow } from './DecisionTableRow.tsx';
import { addInput, addOutput, addRow, type TableContent } from './decision-table-ops.ts';

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
        <Button small tone="ghost" onClick={() => onChange(addOutput(table))}>
          ＋ {t('table.addOutput')}
        </Button>
      </div>
    </div>
  );
}
