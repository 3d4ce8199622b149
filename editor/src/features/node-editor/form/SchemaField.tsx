import { useTranslation } from 'react-i18next';
import { Field } from '../../../atoms/Field.tsx';
import type { FieldModel } from '../../../core/form/field-model.ts';
import type { HintKeys } from '../../../core/form/hint-keys.ts';
import type { Path } from '../../../core/paths/content-path.ts';
import { useLabel } from '../../../hooks/useLabel.ts';
import { ArrayField } from './ArrayField.tsx';
import { fieldText } from './field-label.ts';
import { useFormContext } from './form-context.ts';
import { ObjectFields } from './ObjectFields.tsx';
import { OptionalSection } from './OptionalSection.tsx';
import { RecordField } from './RecordField.tsx';
import { ScalarInput } from './ScalarInput.tsx';
import { UnionField } from './UnionField.tsx';
import { useFieldIssues } from './use-field-issues.ts';

export interface SchemaFieldProps {
  model: FieldModel;
  value: unknown;
  path: Path;
  keys: HintKeys;
  /** The object key this value sits under; labels and pickers are found by it. */
  name: string;
  /** A list item: its card already frames it, so no legend of its own. */
  bare?: boolean;
}

/** One value of a node's content, rendered by the shape its zod schema gives it. */
export function SchemaField({ model, value, path, keys, name, bare }: SchemaFieldProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { hints } = useFormContext();
  const issues = useFieldIssues(path);
  const text = fieldText(hints, keys, name, t, label);
  if (model.type === 'literal') return null;
  if (model.type === 'object' || (model.type === 'union' && model.variants.length > 0)) {
    const body =
      model.type === 'object' ? (
        <ObjectFields model={model} value={value} path={path} keys={keys} />
      ) : (
        <UnionField model={model} value={value} path={path} keys={keys} />
      );
    if (bare) return body;
    if (model.optional && model.defaultValue === undefined) {
      return (
        <OptionalSection model={model} value={value} path={path} label={text.label} help={text.help}>
          {body}
        </OptionalSection>
      );
    }
    return (
      <fieldset className="og-fieldset">
        <legend>{text.label}</legend>
        {text.help ? <p className="og-field__help">{text.help}</p> : null}
        {body}
      </fieldset>
    );
  }
  if (model.type === 'array' && !isScalarList(model)) {
    return (
      <ArrayField model={model} value={value} path={path} keys={keys} label={text.label} help={text.help} />
    );
  }
  if (model.type === 'record') {
    return <RecordField model={model} value={value} path={path} label={text.label} help={text.help} />;
  }
  return (
    <Field label={text.label} help={text.help} issues={issues} inline={model.type === 'boolean'}>
      {(id) => <ScalarInput id={id} model={model} value={value} path={path} keys={keys} name={name} />}
    </Field>
  );
}

/** Lists of plain values are one input (chips or checkboxes); lists of objects get one card per item. */
export function isScalarList(model: FieldModel): boolean {
  if (model.type !== 'array') return false;
  const item = model.item.type;
  return item === 'text' || item === 'enum' || item === 'number' || item === 'scalar';
}
