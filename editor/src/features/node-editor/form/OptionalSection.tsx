import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { defaultValue } from '../../../core/form/default-value.ts';
import type { FieldModel } from '../../../core/form/field-model.ts';
import type { Path } from '../../../core/paths/content-path.ts';
import { useFormContext } from './form-context.ts';

interface OptionalSectionProps {
  model: FieldModel;
  value: unknown;
  path: Path;
  label: string;
  help: string | undefined;
  children: ReactNode;
}

/** A group of settings the content may leave out (a gift rule's spend bands): add it, or take it away. */
export function OptionalSection({ model, value, path, label, help, children }: OptionalSectionProps) {
  const { t } = useTranslation();
  const { change } = useFormContext();
  if (value === undefined) {
    return (
      <div className="og-optional">
        <Button
          small
          tone="ghost"
          onClick={() => change(path, defaultValue({ ...model, optional: false }))}
          title={help}
        >
          ＋ {label}
        </Button>
      </div>
    );
  }
  return (
    <fieldset className="og-fieldset">
      <legend>
        {label}{' '}
        <Button
          small
          tone="ghost"
          onClick={() => change(path, undefined)}
          aria-label={`${t('form.remove')} ${label}`}
        >
          {t('form.remove')}
        </Button>
      </legend>
      {help ? <p className="og-field__help">{help}</p> : null}
      {children}
    </fieldset>
  );
}
