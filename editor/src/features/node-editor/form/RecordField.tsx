import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { TextInput } from '../../../atoms/TextInput.tsx';
import { defaultValue } from '../../../core/form/default-value.ts';
import type { FieldModel } from '../../../core/form/field-model.ts';
import type { Path } from '../../../core/paths/content-path.ts';
import { useFormContext } from './form-context.ts';
import { JsonInput } from './JsonInput.tsx';

interface RecordFieldProps {
  model: Extract<FieldModel, { type: 'record' }>;
  value: unknown;
  path: Path;
  label: string;
  help: string | undefined;
}

/** Free keys to values (event params): key in one box, the value as JSON in the next. */
export function RecordField({ model, value, path, label, help }: RecordFieldProps) {
  const { t } = useTranslation();
  const { change } = useFormContext();
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const entries = Object.entries(record);
  const rename = (from: string, to: string) =>
    change(path, Object.fromEntries(entries.map(([k, v]) => (k === from ? [to, v] : [k, v]))));
  return (
    <fieldset className="og-fieldset">
      <legend>{label}</legend>
      {help ? <p className="og-field__help">{help}</p> : null}
      {entries.map(([key, item]) => (
        <div className="og-record__row" key={key}>
          <TextInput aria-label={t('form.key')} value={key} onChange={(next) => next && rename(key, next)} />
          <JsonInput value={item} onChange={(next) => change([...path, key], next)} ariaLabel={key} />
          <Button
            small
            tone="ghost"
            onClick={() => change([...path, key], undefined)}
            aria-label={t('form.remove')}
          >
            ✕
          </Button>
        </div>
      ))}
      <Button small onClick={() => change([...path, `key${entries.length + 1}`], defaultValue(model.value))}>
        ＋ {t('form.add')}
      </Button>
    </fieldset>
  );
}
