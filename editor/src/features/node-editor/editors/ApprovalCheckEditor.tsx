import { useTranslation } from 'react-i18next';
import { Field } from '../../../atoms/Field.tsx';
import { Select } from '../../../atoms/Select.tsx';
import { APPROVAL_PRESETS, approvalPreset } from '../../../core/engine.ts';
import { defaultValue } from '../../../core/form/default-value.ts';
import { describeSchema } from '../../../core/form/describe-schema.ts';
import type { ContentEditorProps } from '../../../core/views/content-editor-props.ts';
import { useLabel } from '../../../hooks/useLabel.ts';
import { FormContext, useFormContext } from '../form/form-context.ts';
import { SchemaForm } from '../form/SchemaForm.tsx';

/** 审单检查: pick a ready-made check; its own settings form comes from the preset's schema and hints. */
export function ApprovalCheckEditor({ node, def }: ContentEditorProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const context = useFormContext();
  const content = (node.content ?? {}) as { preset?: string; params?: unknown };
  const preset = approvalPreset(content.preset ?? '');
  const options = APPROVAL_PRESETS.map((p) => ({ value: p.id, label: label(p.label) }));
  const hint = def.fields?.preset;
  const choose = (id: string) => {
    const next = approvalPreset(id);
    context.change([], { preset: id, params: next ? defaultValue(describeSchema(next.params)) : {} });
  };
  return (
    <div className="og-approval-check-editor">
      <Field
        label={label(hint?.label) || t('field.preset')}
        help={preset ? label(preset.help) : label(hint?.help)}
      >
        {(id) => <Select id={id} value={content.preset ?? ''} options={options} onChange={choose} />}
      </Field>
      {preset ? (
        // The preset's own hints name its params without the `params.` prefix.
        <FormContext.Provider value={{ ...context, hints: preset.fields }}>
          <SchemaForm schema={preset.params} value={content.params} path={['params']} />
        </FormContext.Provider>
      ) : null}
    </div>
  );
}
