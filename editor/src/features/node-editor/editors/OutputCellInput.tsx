import { useTranslation } from 'react-i18next';
import { TagInput } from '../../../atoms/TagInput.tsx';
import { TextInput } from '../../../atoms/TextInput.tsx';
import { widgetFor } from '../../../core/form/hint-keys.ts';
import { parseScalar } from '../form/ScalarInput.tsx';
import { MasterDataInput } from '../widgets/MasterDataInput.tsx';

interface OutputCellInputProps {
  param: string;
  value: unknown;
  onChange(value: unknown): void;
  label: string;
}

/** A table output: a warehouse or carrier picker when the param names one, chips for a list, else text. */
export function OutputCellInput({ param, value, onChange, label }: OutputCellInputProps) {
  const { t } = useTranslation();
  const widget = widgetFor(undefined, [param], param);
  if (Array.isArray(value) || param === 'tags') {
    const list = Array.isArray(value) ? value.map(String) : [];
    return (
      <TagInput
        values={list}
        onChange={(next) => onChange(next.length ? next : undefined)}
        placeholder={t('form.typeEnter')}
      />
    );
  }
  if (widget && widget !== 'keywords' && widget !== 'regex' && widget !== 'fact') {
    return (
      <MasterDataInput
        id={`${label}-${param}`}
        widget={widget}
        value={String(value ?? '')}
        onChange={onChange}
      />
    );
  }
  return (
    <TextInput
      aria-label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(next) => onChange(parseScalar(next, value))}
    />
  );
}
