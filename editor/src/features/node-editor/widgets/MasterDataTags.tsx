import { useTranslation } from 'react-i18next';
import { TagInput } from '../../../atoms/TagInput.tsx';
import type { FieldWidget } from '../../../core/engine.ts';
import { useMasterOptions } from './use-master-options.ts';

interface MasterDataTagsProps {
  id: string;
  widget: FieldWidget;
  values: readonly string[];
  onChange(values: string[]): void;
}

/** Several warehouses, carriers, SKUs, shops or regions, as chips labelled with their names. */
export function MasterDataTags({ id, widget, values, onChange }: MasterDataTagsProps) {
  const { t } = useTranslation();
  const options = useMasterOptions(widget);
  const byValue = new Map(options.map((o) => [o.value, o.label]));
  return (
    <TagInput
      id={id}
      values={values}
      onChange={onChange}
      suggestions={options}
      placeholder={t(`widget.${widget}`)}
      labelOf={(v) => byValue.get(v)}
    />
  );
}
