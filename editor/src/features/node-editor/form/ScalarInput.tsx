import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../atoms/Checkbox.tsx';
import { NumberInput } from '../../../atoms/NumberInput.tsx';
import { Select } from '../../../atoms/Select.tsx';
import { TagInput } from '../../../atoms/TagInput.tsx';
import { TextInput } from '../../../atoms/TextInput.tsx';
import type { FieldModel } from '../../../core/form/field-model.ts';
import { type HintKeys, widgetFor } from '../../../core/form/hint-keys.ts';
import type { Path } from '../../../core/paths/content-path.ts';
import { FactPicker } from '../widgets/FactPicker.tsx';
import { MasterDataInput } from '../widgets/MasterDataInput.tsx';
import { MasterDataTags } from '../widgets/MasterDataTags.tsx';
import { ReasonInput } from '../widgets/ReasonInput.tsx';
import { RegexInput } from '../widgets/RegexInput.tsx';
import { useFormContext } from './form-context.ts';
import { JsonInput } from './JsonInput.tsx';

interface ScalarInputProps {
  id: string;
  model: FieldModel;
  value: unknown;
  path: Path;
  keys: HintKeys;
  name: string;
}

/** Reads what was typed into a string/number/boolean slot, keeping the type the value had. */
export function parseScalar(text: string, before: unknown): string | number | boolean {
  if (typeof before === 'boolean' || text === 'true' || text === 'false') return text === 'true';
  if (typeof before === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** One plain value, or a list of plain values, with the picker its hint (or its name) asks for. */
export function ScalarInput({ id, model, value, path, keys, name }: ScalarInputProps) {
  const { t } = useTranslation();
  // A value may read differently by field: approval's "hold" is when a wait starts (拦截时), routing's is to hold (拦截).
  const optionLabel = (option: string) =>
    t([`enumOf.${name}.${option}`, `enum.${option}`], { defaultValue: option });
  const { hints, change } = useFormContext();
  const set = (next: unknown) => change(path, next);
  const widget = widgetFor(hints, keys, name);
  switch (model.type) {
    case 'text':
      if (widget === 'regex') return <RegexInput id={id} value={String(value ?? '')} onChange={set} />;
      if (widget === 'fact') return <FactPicker id={id} value={String(value ?? '')} onChange={set} />;
      if (widget && widget !== 'keywords') {
        return (
          <MasterDataInput
            id={id}
            widget={widget}
            value={String(value ?? '')}
            onChange={(next) => set(next === '' && model.optional ? undefined : next)}
          />
        );
      }
      if (name === 'reason') {
        return (
          <ReasonInput
            id={id}
            value={String(value ?? '')}
            onChange={(next) => set(next === '' && model.optional ? undefined : next)}
          />
        );
      }
      return (
        <TextInput
          id={id}
          value={String(value ?? '')}
          onChange={(next) => set(next === '' && model.optional ? undefined : next)}
        />
      );
    case 'number':
      return (
        <NumberInput
          id={id}
          value={typeof value === 'number' ? value : undefined}
          min={model.min}
          max={model.max}
          step={model.integer ? 1 : 'any'}
          onChange={(next) => set(next === undefined && !model.optional ? 0 : next)}
        />
      );
    case 'boolean':
      return <Checkbox id={id} checked={value === true} onChange={set} />;
    case 'enum':
      return (
        <Select
          id={id}
          value={value === undefined ? '' : String(value)}
          placeholder={model.optional ? t('form.none') : undefined}
          options={model.options.map((o) => ({ value: o, label: optionLabel(o) }))}
          onChange={(next) => set(next === '' ? undefined : next)}
        />
      );
    case 'scalar':
      return (
        <TextInput
          id={id}
          value={value === undefined ? '' : String(value)}
          onChange={(next) => set(parseScalar(next, value))}
        />
      );
    case 'array': {
      const values = Array.isArray(value) ? value.map(String) : [];
      if (model.item.type === 'enum') {
        const options = model.item.options;
        return (
          <span className="og-checks" id={id}>
            {options.map((option) => (
              <Checkbox
                key={option}
                label={optionLabel(option)}
                checked={values.includes(option)}
                onChange={(on) => set(on ? [...values, option] : values.filter((v) => v !== option))}
              />
            ))}
          </span>
        );
      }
      const itemWidget = widget === 'keywords' ? undefined : widget;
      const toItem = (v: string) => (model.item.type === 'number' ? Number(v) : v);
      if (itemWidget) {
        return (
          <MasterDataTags
            id={id}
            widget={itemWidget}
            values={values}
            onChange={(next) => set(next.map(toItem))}
          />
        );
      }
      return (
        <TagInput
          id={id}
          values={values}
          onChange={(next) => set(next.map(toItem))}
          placeholder={t('form.typeEnter')}
        />
      );
    }
    case 'tuple':
      return (
        <span className="og-tuple" id={id}>
          {model.items.map((_, i) => (
            <TextInput
              // biome-ignore lint/suspicious/noArrayIndexKey: a tuple's slots are its positions.
              key={i}
              aria-label={`${name} ${i + 1}`}
              value={String((Array.isArray(value) ? value[i] : '') ?? '')}
              onChange={(next) => change([...path, i], next)}
            />
          ))}
        </span>
      );
    default:
      return <JsonInput value={value} onChange={set} ariaLabel={name} />;
  }
}
