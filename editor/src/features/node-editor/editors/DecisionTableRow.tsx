import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { TextInput } from '../../../atoms/TextInput.tsx';
import { ConditionValueInput } from '../widgets/ConditionValueInput.tsx';
import { OperatorPicker } from '../widgets/OperatorPicker.tsx';
import {
  duplicateRow,
  moveRow,
  removeRow,
  setCell,
  setOutput,
  type TableContent,
} from './decision-table-ops.ts';
import { OutputCellInput } from './OutputCellInput.tsx';

interface DecisionTableRowProps {
  table: TableContent;
  /** The row's place: rows are rules in order. */
  r: number;
  onChange(table: TableContent): void;
  issues: string[] | undefined;
}

/** One rule: a condition cell per input column (empty: any), a value per output column, a note. */
export function DecisionTableRow({ table, r, onChange, issues }: DecisionTableRowProps) {
  const { t } = useTranslation();
  const row = table.rows[r]!;
  return (
    <tr className={issues ? 'og-table__row--invalid' : undefined} title={issues?.join('\n')}>
      <td className="og-table__index">{r + 1}</td>
      {table.inputs.map((input) => {
        const cell = row.when[input.id] ?? null;
        return (
          <td key={input.id}>
            <OperatorPicker
              fact={input.fact}
              allowAny
              value={cell?.operator ?? ''}
              onChange={(operator) =>
                onChange(
                  setCell(table, r, input.id, operator ? { operator, value: cell?.value ?? '' } : null),
                )
              }
            />
            {cell ? (
              <ConditionValueInput
                fact={input.fact}
                operator={cell.operator}
                value={cell.value}
                onChange={(value) => onChange(setCell(table, r, input.id, { ...cell, value }))}
              />
            ) : null}
          </td>
        );
      })}
      {table.outputs.map((output) => (
        <td key={output.id}>
          <OutputCellInput
            param={output.param}
            label={`${row.id} ${output.param}`}
            value={row.outputs[output.id]}
            onChange={(value) => onChange(setOutput(table, r, output.id, value))}
          />
        </td>
      ))}
      <td>
        <TextInput
          aria-label={t('table.note')}
          value={row.note}
          onChange={(note) =>
            onChange({ ...table, rows: table.rows.map((x, i) => (i === r ? { ...x, note } : x)) })
          }
        />
      </td>
      <td className="og-table__row-actions">
        <Button
          small
          tone="ghost"
          disabled={r === 0}
          onClick={() => onChange(moveRow(table, r, r - 1))}
          aria-label={t('form.moveUp')}
        >
          ↑
        </Button>
        <Button
          small
          tone="ghost"
          disabled={r === table.rows.length - 1}
          onClick={() => onChange(moveRow(table, r, r + 1))}
          aria-label={t('form.moveDown')}
        >
          ↓
        </Button>
        <Button
          small
          tone="ghost"
          onClick={() => onChange(duplicateRow(table, r))}
          aria-label={t('table.duplicate')}
        >
          ⧉
        </Button>
        <Button
          small
          tone="ghost"
          onClick={() => onChange(removeRow(table, r))}
          aria-label={t('form.remove')}
        >
          ✕
        </Button>
      </td>
    </tr>
  );
}
