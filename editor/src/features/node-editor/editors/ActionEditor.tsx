import { useTranslation } from 'react-i18next';
import { Field } from '../../../atoms/Field.tsx';
import { Select } from '../../../atoms/Select.tsx';
import { EVENT_TYPES, eventDef } from '../../../core/engine.ts';
import { defaultValue } from '../../../core/form/default-value.ts';
import { describeSchema } from '../../../core/form/describe-schema.ts';
import type { ContentEditorProps } from '../../../core/views/content-editor-props.ts';
import { useEventLabel } from '../../../hooks/useEventLabel.ts';
import { useFormContext } from '../form/form-context.ts';
import { JsonInput } from '../form/JsonInput.tsx';
import { SchemaForm } from '../form/SchemaForm.tsx';
import { useFieldIssues } from '../form/use-field-issues.ts';

/** The events a generic action offers first: the everyday ones, in the consultant's words. */
const COMMON = ['tag', 'hold', 'flag', 'approve', 'route', 'carrier', 'gift', 'extract'];

/** 动作: what happens to orders that reach it; the params form follows the chosen event's schema. */
export function ActionEditor({ node }: ContentEditorProps) {
  const { t } = useTranslation();
  const eventLabel = useEventLabel();
  const { change } = useFormContext();
  const content = (node.content ?? {}) as { type?: string; params?: unknown };
  const type = content.type ?? '';
  const def = eventDef(type);
  const typeIssues = useFieldIssues(['type']);
  const ordered = [
    ...COMMON.filter((e) => EVENT_TYPES.includes(e)),
    ...EVENT_TYPES.filter((e) => !COMMON.includes(e)),
  ];
  const options = ordered.map((e) => ({ value: e, label: `${eventLabel(e)} · ${e}` }));
  const setType = (next: string) => {
    const params = eventDef(next) ? defaultValue(describeSchema(eventDef(next)!.params)) : {};
    change([], { type: next, params: params && typeof params === 'object' ? params : {} });
  };
  return (
    <div className="og-action-editor">
      <Field label={t('action.type')} help={t('action.typeHelp')} issues={typeIssues}>
        {(id) => <Select id={id} value={type} options={options} onChange={setType} />}
      </Field>
      {def ? (
        <SchemaForm schema={def.params} value={content.params} path={['params']} />
      ) : (
        <Field label={t('action.params')}>
          {() => (
            <JsonInput
              value={content.params}
              onChange={(next) => change(['params'], next)}
              ariaLabel={t('action.params')}
            />
          )}
        </Field>
      )}
    </div>
  );
}
