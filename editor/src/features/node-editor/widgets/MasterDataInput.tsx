import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldWidget } from '../../../core/engine.ts';
import { useMasterOptions } from './use-master-options.ts';

interface MasterDataInputProps {
  id: string;
  widget: FieldWidget;
  value: string;
  onChange(value: string): void;
}

/**
 * One warehouse, carrier, SKU, shop or region: typed with suggestions from the client's master
 * data, its name shown beside; an id the client does not have is marked, not refused (the compiler says why).
 */
export function MasterDataInput({ id, widget, value, onChange }: MasterDataInputProps) {
  const { t } = useTranslation();
  const options = useMasterOptions(widget);
  const listId = useId();
  const known = options.find((o) => o.value === value);
  const unknown = value !== '' && options.length > 0 && !known && widget !== 'region';
  return (
    <span className="og-master">
      <input
        id={id}
        className={`og-input nodrag ${unknown ? 'og-input--warning' : ''}`}
        list={listId}
        value={value}
        placeholder={t(`widget.${widget}`)}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </datalist>
      {known && known.label !== known.value ? <span className="og-master__name">{known.label}</span> : null}
      {unknown ? (
        <span className="og-master__name og-master__name--warning">{t('widget.unknown')}</span>
      ) : null}
    </span>
  );
}
