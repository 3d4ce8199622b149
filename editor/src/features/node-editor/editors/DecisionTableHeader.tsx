import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { Select } from '../../../atoms/Select.tsx';
import { TextInput } from '../../../atoms/TextInput.tsx';
import { eventParams } from '../../../core/document/table-event.ts';
import { useFactLabel } from '../../../hooks/useFactLabel.ts';
import { FactPicker } from '../widgets/FactPicker.tsx';
import { removeInput, removeOutput, type TableContent } from './decision-table-ops.ts';

interface DecisionTableHeaderProps {
  table: TableContent;
  onChange(table: TableContent): void;
}

/** The columns: conditions ("if", one field each) then outputs ("then", one event param each). */
export function DecisionTableHeader({ table, onChange }: DecisionTableHeaderProps) {
  const { t } = useTranslation();
  const factLabel = useFactLabel();
  // Only the event's own params: a typed `warehous` column was dropped from every rule unnoticed.
  const params = eventParams(table.eventType);
  const setColumn = <K extends 'inputs' | 'outputs'>(
    key: K,
    i: number,
    patch: Partial<TableContent[K][number]>,
  ) => onChange({ ...table, [key]: table[key].map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <thead>
      <tr>
        <th className="og-table__index">#</th>
        {table.inputs.map((input, i) => (
          <th key={input.id} className="og-table__input">
            <div className="og-table__col-kind">{t('table.when')}</div>
            <TextInput
              aria-label={t('table.columnLabel')}
              placeholder={factLabel(input.fact)}
              value={input.label}
              onChange={(label) => setColumn('inputs', i, { label })}
            />
            <FactPicker value={input.fact} onChange={(fact) => setColumn('inputs', i, { fact })} />
            <Button
              small
              tone="ghost"
              onClick={() => onChange(removeInput(table, input.id))}
              aria-label={t('table.removeColumn')}
            >
              ✕
            </Button>
          </th>
        ))}
        {table.outputs.map((output, i) => (
          <th key={output.id} className="og-table__output">
            <div className="og-table__col-kind">{t('table.thenColumn')}</div>
            <TextInput
              aria-label={t('table.columnLabel')}
              placeholder={output.param}
              value={output.label}
              onChange={(label) => setColumn('outputs', i, { label })}
            />
            <Select
              aria-label={t('table.param')}
              value={output.param}
              options={params.map((p) => ({ value: p.name, label: p.name }))}
              onChange={(param) => setColumn('outputs', i, { param })}
            />
            <Button
              small
              tone="ghost"
              onClick={() => onChange(removeOutput(table, output.id))}
              aria-label={t('table.removeColumn')}
            >
              ✕
            </Button>
          </th>
        ))}
        <th>{t('table.note')}</th>
        <th />
      </tr>
    </thead>
  );
}
