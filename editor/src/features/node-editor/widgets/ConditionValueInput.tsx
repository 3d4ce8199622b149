import { useTranslation } from 'react-i18next';
import { NumberInput } from '../../../atoms/NumberInput.tsx';
import { Select } from '../../../atoms/Select.tsx';
import { TagInput } from '../../../atoms/TagInput.tsx';
import { TextInput } from '../../../atoms/TextInput.tsx';
import { lookupFact, operatorSpec } from '../../../core/engine.ts';
import { factWidget } from '../../../core/master-data/master-options.ts';
import { MasterDataInput } from './MasterDataInput.tsx';
import { MasterDataTags } from './MasterDataTags.tsx';
import { RegexInput } from './RegexInput.tsx';

interface ConditionValueInputProps {
  fact: string;
  operator: string;
  value: unknown;
  onChange(value: unknown): void;
}

const asList = (value: unknown) =>
  Array.isArray(value) ? value.map(String) : value === undefined || value === '' ? [] : [String(value)];

/** The value box a condition needs: its shape from the operator, its choices from the fact (enums, master data). */
export function ConditionValueInput({ fact, operator, value, onChange }: ConditionValueInputProps) {
  const { t } = useTranslation();
  const info = lookupFact(fact);
  const shape = operatorSpec(operator)?.value ?? 'scalar';
  const widget = factWidget(info);
  const label = t('condition.value');
  const enumOptions = info?.values?.map((v) => ({ value: v, label: t(`enum.${v}`, { defaultValue: v }) }));
  switch (shape) {
    case 'number':
      return (
        <NumberInput
          aria-label={label}
          value={typeof value === 'number' ? value : undefined}
          onChange={onChange}
        />
      );
    case 'range': {
      const [min, max] = Array.isArray(value) ? value : [undefined, undefined];
      return (
        <span className="og-range">
          <NumberInput
            aria-label={t('condition.min')}
            value={typeof min === 'number' ? min : undefined}
            onChange={(v) => onChange([v ?? 0, max ?? 0])}
          />
          <span>–</span>
          <NumberInput
            aria-label={t('condition.max')}
            value={typeof max === 'number' ? max : undefined}
            onChange={(v) => onChange([min ?? 0, v ?? 0])}
          />
        </span>
      );
    }
    case 'regex': {
      const pattern =
        typeof value === 'string' ? value : String((value as { pattern?: unknown })?.pattern ?? '');
      return <RegexInput value={pattern} onChange={onChange} />;
    }
    case 'list':
    case 'regions': {
      const list = asList(value);
      const toItem = (v: string) => (info?.type === 'number' ? Number(v) : v);
      const listWidget = shape === 'regions' ? 'region' : widget;
      if (listWidget)
        return (
          <MasterDataTags
            id={label}
            widget={listWidget}
            values={list}
            onChange={(next) => onChange(next.map(toItem))}
          />
        );
      return (
        <TagInput
          values={list}
          onChange={(next) => onChange(next.map(toItem))}
          suggestions={enumOptions}
          placeholder={t('form.typeEnter')}
        />
      );
    }
    default: {
      if (enumOptions?.length) {
        return (
          <Select
            aria-label={label}
            value={String(value ?? '')}
            options={enumOptions}
            placeholder=""
            onChange={onChange}
          />
        );
      }
      if (info?.type === 'number') {
        return (
          <NumberInput
            aria-label={label}
            value={typeof value === 'number' ? value : undefined}
            onChange={onChange}
          />
        );
      }
      if (info?.type === 'boolean') {
        return (
          <Select
            aria-label={label}
            value={String(value ?? '')}
            options={[
              { value: 'true', label: t('condition.true') },
              { value: 'false', label: t('condition.false') },
            ]}
            onChange={(v) => onChange(v === 'true')}
          />
        );
      }
      if (widget && widget !== 'region') {
        return <MasterDataInput id={label} widget={widget} value={String(value ?? '')} onChange={onChange} />;
      }
      return <TextInput aria-label={label} value={String(value ?? '')} onChange={onChange} />;
    }
  }
}
