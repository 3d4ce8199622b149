import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../atoms/Checkbox.tsx';
import { NumberInput } from '../../../atoms/NumberInput.tsx';
import { Select } from '../../../atoms/Select.tsx';
import { TagInput } from '../../../atoms/TagInput.tsx';
import { TextInput } from '../../../atoms/TextInput.tsx';
import { type InputField, type ParamProblem, paramProblems } from './manifest-form.ts';

interface PluginInputsFormProps {
  fields: readonly InputField[];
  params: Record<string, unknown>;
  onChange(params: Record<string, unknown>): void;
}

/** Without the key: an optional input left empty is left out, as the manifest allows. */
function withValue(params: Record<string, unknown>, name: string, value: unknown) {
  const next = { ...params };
  if (value === undefined || value === '') delete next[name];
  else next[name] = value;
  return next;
}

/** A list's typed items from its chips: numbers for number inputs, booleans for switches. */
function itemsOf(field: Extract<InputField, { control: 'list' }>, chips: string[]): unknown[] {
  if (field.item.control === 'number') return chips.map(Number);
  if (field.item.control === 'boolean') return chips.map((c) => c === 'true');
  return chips;
}

/**
 * The params form a plugin's manifest calls for: a choice for an enum, a number box with its range,
 * a switch, chips for a list; required inputs marked, each field's problem under it.
 */
export function PluginInputsForm({ fields, params, onChange }: PluginInputsFormProps) {
  const { t } = useTranslation();
  const prefix = useId();
  const problems = paramProblems(fields, params);
  const problemText = (problem: ParamProblem) =>
    t(`pluginsPanel.problem.${problem.code}`, {
      limit: 'limit' in problem ? problem.limit : undefined,
      options: 'options' in problem ? problem.options.join(' / ') : undefined,
    });
  if (fields.length === 0) return <p className="og-muted">{t('pluginsPanel.inputs.none')}</p>;
  const unknown = Object.keys(params).filter((key) => !fields.some((f) => f.name === key));
  return (
    <div className="og-plugin-inputs" data-testid="plugin-inputs">
      {fields.map((field) => {
        const id = `${prefix}-${field.name}`;
        const value = params[field.name];
        const problem = problems[field.name];
        const set = (next: unknown) => onChange(withValue(params, field.name, next));
        return (
          <div
            key={field.name}
            className={`og-field ${problem ? 'og-field--invalid' : ''}`}
            data-input={field.name}
          >
            <label className="og-field__label" htmlFor={id}>
              {field.name}
              {field.required ? (
                <span className="og-required" title={t('pluginsPanel.inputs.required')}>
                  {' '}
                  *
                </span>
              ) : null}
            </label>
            <div className="og-field__control">{control(field, id, value, set)}</div>
            {field.description ? <p className="og-field__help">{field.description}</p> : null}
            {problem ? (
              <p className="og-field__issue og-field__issue--error" data-problem={problem.code}>
                {problemText(problem)}
              </p>
            ) : null}
          </div>
        );
      })}
      {unknown.length > 0 ? (
        <p className="og-field__issue og-field__issue--error" data-problem="unknownInput">
          {t('pluginsPanel.problem.unknownInputs', { names: unknown.join(', ') })}{' '}
          <button
            type="button"
            className="og-link"
            onClick={() =>
              onChange(Object.fromEntries(Object.entries(params).filter(([k]) => !unknown.includes(k))))
            }
          >
            {t('pluginsPanel.inputs.dropUnknown')}
          </button>
        </p>
      ) : null}
    </div>
  );

  function control(field: InputField, id: string, value: unknown, set: (next: unknown) => void) {
    switch (field.control) {
      case 'select':
        return (
          <Select
            id={id}
            value={typeof value === 'string' ? value : ''}
            options={field.options.map((o) => ({ value: o, label: o }))}
            placeholder={field.required ? t('pluginsPanel.inputs.choose') : t('pluginsPanel.inputs.leaveOut')}
            onChange={set}
          />
        );
      case 'text':
        return <TextInput id={id} value={typeof value === 'string' ? value : ''} onChange={set} />;
      case 'number':
        return (
          <NumberInput
            id={id}
            value={typeof value === 'number' ? value : undefined}
            onChange={set}
            {...(field.minimum !== undefined ? { min: field.minimum } : {})}
            {...(field.maximum !== undefined ? { max: field.maximum } : {})}
            step={field.integer ? 1 : 'any'}
          />
        );
      case 'boolean':
        return <Checkbox id={id} checked={value === true} onChange={set} />;
      case 'list': {
        const chips = Array.isArray(value) ? value.map(String) : [];
        const options = field.item.control === 'select' ? field.item.options : [];
        return (
          <TagInput
            id={id}
            values={chips}
            suggestions={options.map((o) => ({ value: o, label: o }))}
            onChange={(next) => set(next.length ? itemsOf(field, next) : undefined)}
          />
        );
      }
    }
  }
}
