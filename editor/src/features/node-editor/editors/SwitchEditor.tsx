import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { Checkbox } from '../../../atoms/Checkbox.tsx';
import { Field } from '../../../atoms/Field.tsx';
import { TextInput } from '../../../atoms/TextInput.tsx';
import { lookupFact } from '../../../core/engine.ts';
import { slug } from '../../../core/ids/unique-id.ts';
import type { ContentEditorProps } from '../../../core/views/content-editor-props.ts';
import { useFormContext } from '../form/form-context.ts';
import { useFieldIssues } from '../form/use-field-issues.ts';
import { ConditionValueInput } from '../widgets/ConditionValueInput.tsx';
import { FactPicker } from '../widgets/FactPicker.tsx';
import { OperatorPicker } from '../widgets/OperatorPicker.tsx';

interface Case {
  id: string;
  label: string;
  operator: string;
  value: unknown;
}

/** 分支: one field, one branch per case, first match wins; each case is a handle on the node. */
export function SwitchEditor({ node }: ContentEditorProps) {
  const { t } = useTranslation();
  const { change } = useFormContext();
  const content = (node.content ?? {}) as { fact?: string; cases?: Case[]; hasDefault?: boolean };
  const cases = content.cases ?? [];
  const fact = content.fact ?? '';
  const factIssues = useFieldIssues(['fact']);
  const caseIssues = useFieldIssues(['cases']);
  const setCase = (i: number, next: Partial<Case>) => change(['cases', i], { ...cases[i], ...next });
  const addCase = () => {
    const values = lookupFact(fact)?.values ?? [];
    const unused = values.find((v) => !cases.some((c) => c.value === v));
    const id = slug(unused ?? `case-${cases.length + 1}`);
    change(['cases'], [...cases, { id, label: '', operator: 'equal', value: unused ?? '' }]);
  };
  return (
    <div className="og-switch-editor">
      <Field label={t('switch.fact')} help={t('switch.factHelp')} issues={factIssues}>
        {(id) => <FactPicker id={id} value={fact} onChange={(next) => change(['fact'], next)} />}
      </Field>
      <fieldset className="og-fieldset">
        <legend>{t('switch.cases')}</legend>
        {caseIssues.map((issue) => (
          <p key={issue.message} className="og-field__issue og-field__issue--error">
            {issue.message}
          </p>
        ))}
        {cases.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: case ids may be edited; the position is stable while typing.
          <div className="og-switch-case" key={i}>
            <TextInput
              aria-label={t('switch.caseId')}
              value={c.id}
              onChange={(id) => setCase(i, { id })}
              className="og-switch-case__id"
            />
            <TextInput
              aria-label={t('switch.caseLabel')}
              placeholder={t('switch.caseLabel')}
              value={c.label}
              onChange={(label) => setCase(i, { label })}
            />
            <OperatorPicker
              fact={fact}
              value={c.operator}
              onChange={(operator) => setCase(i, { operator })}
            />
            <ConditionValueInput
              fact={fact}
              operator={c.operator}
              value={c.value}
              onChange={(value) => setCase(i, { value })}
            />
            <Button
              small
              tone="ghost"
              aria-label={t('form.remove')}
              onClick={() =>
                change(
                  ['cases'],
                  cases.filter((_, j) => j !== i),
                )
              }
            >
              ✕
            </Button>
          </div>
        ))}
        <Button small onClick={addCase}>
          ＋ {t('switch.addCase')}
        </Button>
      </fieldset>
      <Checkbox
        label={t('switch.hasDefault')}
        checked={content.hasDefault !== false}
        onChange={(on) => change(['hasDefault'], on)}
      />
    </div>
  );
}
