import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { defaultValue } from '../../../core/form/default-value.ts';
import type { FieldModel } from '../../../core/form/field-model.ts';
import { type HintKeys, itemKeys } from '../../../core/form/hint-keys.ts';
import type { Path } from '../../../core/paths/content-path.ts';
import { useFormContext } from './form-context.ts';
import { SchemaField } from './SchemaField.tsx';
import { useFieldIssues } from './use-field-issues.ts';

interface ArrayFieldProps {
  model: Extract<FieldModel, { type: 'array' }>;
  value: unknown;
  path: Path;
  keys: HintKeys;
  label: string;
  help: string | undefined;
}

/** A list of objects (rules, steps, bands): one card each, in order, to add, remove and reorder. */
export function ArrayField({ model, value, path, keys, label, help }: ArrayFieldProps) {
  const { t } = useTranslation();
  const { change } = useFormContext();
  const items = Array.isArray(value) ? value : [];
  const issues = useFieldIssues(path);
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    change(path, next);
  };
  return (
    <fieldset className="og-fieldset og-list">
      <legend>
        {label} <span className="og-list__count">{items.length}</span>
      </legend>
      {help ? <p className="og-field__help">{help}</p> : null}
      {issues.map((issue) => (
        <p key={issue.message} className={`og-field__issue og-field__issue--${issue.severity}`}>
          {issue.message}
        </p>
      ))}
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place; reordering re-renders all.
        <div className="og-list__item" key={i}>
          <div className="og-list__item-bar">
            <span className="og-list__index">#{i + 1}</span>
            <Button
              small
              tone="ghost"
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
              aria-label={t('form.moveUp')}
            >
              ↑
            </Button>
            <Button
              small
              tone="ghost"
              disabled={i === items.length - 1}
              onClick={() => move(i, i + 1)}
              aria-label={t('form.moveDown')}
            >
              ↓
            </Button>
            <Button
              small
              tone="ghost"
              onClick={() =>
                change(
                  path,
                  items.filter((_, j) => j !== i),
                )
              }
              aria-label={t('form.remove')}
            >
              ✕
            </Button>
          </div>
          <SchemaField
            model={model.item}
            value={item}
            path={[...path, i]}
            keys={itemKeys(keys)}
            name={String(path.at(-1))}
            bare
          />
        </div>
      ))}
      <Button small onClick={() => change(path, [...items, defaultValue(model.item)])}>
        ＋ {t('form.add')}
      </Button>
    </fieldset>
  );
}
