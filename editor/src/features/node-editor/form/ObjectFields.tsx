import type { FieldModel } from '../../../core/form/field-model.ts';
import { fieldKeys, type HintKeys } from '../../../core/form/hint-keys.ts';
import type { Path } from '../../../core/paths/content-path.ts';
import { SchemaField } from './SchemaField.tsx';

interface ObjectFieldsProps {
  model: Extract<FieldModel, { type: 'object' }>;
  value: unknown;
  path: Path;
  keys: HintKeys;
  /** A union's tag field, which its own select already shows. */
  skip?: string;
}

export function ObjectFields({ model, value, path, keys, skip }: ObjectFieldsProps) {
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return (
    <div className="og-object">
      {model.fields
        .filter((field) => field.key !== skip)
        .map((field) => (
          <SchemaField
            key={field.key}
            model={field.model}
            value={record[field.key]}
            path={[...path, field.key]}
            keys={fieldKeys(keys, field.key)}
            name={field.key}
          />
        ))}
    </div>
  );
}
