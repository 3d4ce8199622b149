import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { factCatalogue } from '../../../core/engine.ts';
import { useFactLabel } from '../../../hooks/useFactLabel.ts';

interface FactPickerProps {
  id?: string;
  value: string;
  onChange(value: string): void;
}

const EXTRACTED = 'extracted.';

/**
 * The order field a condition reads, from the engine's fact catalogue, in the consultant's words.
 * Facts remark parsing writes (`extracted.carrierRequest`) are typed after choosing "extracted".
 */
export function FactPicker({ id, value, onChange }: FactPickerProps) {
  const { t } = useTranslation();
  const factLabel = useFactLabel();
  const facts = useMemo(() => [...factCatalogue().values()].filter((f) => f.path !== 'extracted'), []);
  const isExtracted = value.startsWith(EXTRACTED);
  return (
    <span className="og-fact-picker">
      <select
        id={id}
        className="og-input og-select nodrag"
        aria-label={t('condition.fact')}
        value={isExtracted ? EXTRACTED : value}
        onChange={(event) =>
          onChange(event.target.value === EXTRACTED ? `${EXTRACTED}carrierRequest` : event.target.value)
        }
      >
        {value === '' ? <option value="">{t('condition.chooseFact')}</option> : null}
        {facts.map((fact) => (
          <option key={fact.path} value={fact.path}>
            {factLabel(fact.path)} · {fact.path}
          </option>
        ))}
        <option value={EXTRACTED}>{t('condition.extracted')}</option>
      </select>
      {isExtracted ? (
        <input
          className="og-input nodrag"
          aria-label={t('condition.extractedKey')}
          value={value.slice(EXTRACTED.length)}
          onChange={(event) => onChange(`${EXTRACTED}${event.target.value}`)}
        />
      ) : null}
    </span>
  );
}
