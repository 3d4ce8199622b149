import { useTranslation } from 'react-i18next';
import { lookupFact, OPERATORS } from '../../../core/engine.ts';
import { useLabel } from '../../../hooks/useLabel.ts';

interface OperatorPickerProps {
  fact: string;
  value: string;
  onChange(value: string): void;
  /** Decision-table cells may be empty: "any" matches every order. */
  allowAny?: boolean;
}

/** Only the operators that fit the fact's type: no "greater than" on a text field. */
export function OperatorPicker({ fact, value, onChange, allowAny }: OperatorPickerProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const type = lookupFact(fact)?.type;
  const fitting = OPERATORS.filter((op) => !type || op.facts.includes(type));
  const known = fitting.some((op) => op.name === value);
  return (
    <select
      className="og-input og-select og-operator nodrag"
      aria-label={t('condition.operator')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {allowAny ? <option value="">{t('table.any')}</option> : null}
      {!known && value ? <option value={value}>{value} ⚠</option> : null}
      {fitting.map((op) => (
        <option key={op.name} value={op.name}>
          {label(op.label)}
        </option>
      ))}
    </select>
  );
}
