import { useTranslation } from 'react-i18next';
import { Select } from '../../../atoms/Select.tsx';
import { defaultValue } from '../../../core/form/default-value.ts';
import type { FieldModel } from '../../../core/form/field-model.ts';
import { type HintKeys, variantKeys } from '../../../core/form/hint-keys.ts';
import type { Path } from '../../../core/paths/content-path.ts';
import { useFormContext } from './form-context.ts';
import { ObjectFields } from './ObjectFields.tsx';

interface UnionFieldProps {
  model: Extract<FieldModel, { type: 'union' }>;
  value: unknown;
  path: Path;
  keys: HintKeys;
}

/** A tagged choice (routing step, hold or approve, remark rule type): pick the tag, fill its fields. */
export function UnionField({ model, value, path, keys }: UnionFieldProps) {
  const { t } = useTranslation();
  const { change } = useFormContext();
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const tag = String(record[model.discriminator] ?? '');
  const variant = model.variants.find((v) => v.tag === tag);
  const options = model.variants.map((v) => ({
    value: v.tag,
    label: t(`variant.${v.tag}`, { defaultValue: v.tag }),
  }));
  return (
    <div className="og-union">
      <Select
        aria-label={model.discriminator}
        value={tag}
        options={options}
        onChange={(next) => {
          const chosen = model.variants.find((v) => v.tag === next);
          if (chosen) change(path, defaultValue(chosen.model));
        }}
      />
      {variant?.model.type === 'object' ? (
        <ObjectFields
          model={variant.model}
          value={value}
          path={path}
          keys={variantKeys(keys, tag)}
          skip={model.discriminator}
        />
      ) : null}
    </div>
  );
}
