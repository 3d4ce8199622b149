import { useTranslation } from 'react-i18next';
import type { ConditionLeaf } from '../../../../../engine/conditions/schema.ts';
import { Button } from '../../../atoms/Button.tsx';
import { lookupFact, OPERATORS, operatorSpec } from '../../../core/engine.ts';
import { ConditionValueInput } from '../widgets/ConditionValueInput.tsx';
import { FactPicker } from '../widgets/FactPicker.tsx';
import { OperatorPicker } from '../widgets/OperatorPicker.tsx';

interface ConditionLeafEditorProps {
  leaf: ConditionLeaf;
  onChange(leaf: ConditionLeaf): void;
  onRemove(): void;
}

/** A starting value of the shape an operator wants, so switching operator never leaves a mismatched value. */
function freshValue(operator: string, fact: string): unknown {
  const shape = operatorSpec(operator)?.value;
  const info = lookupFact(fact);
  if (shape === 'list' || shape === 'regions') return [];
  if (shape === 'range') return [0, 100];
  if (shape === 'number' || info?.type === 'number') return 0;
  if (info?.values?.length) return info.values[0];
  if (info?.type === 'boolean') return true;
  return '';
}

/** fact · operator · value, one row; changing the fact keeps the operator only if it still fits. */
export function ConditionLeafEditor({ leaf, onChange, onRemove }: ConditionLeafEditorProps) {
  const { t } = useTranslation();
  const changeFact = (fact: string) => {
    const type = lookupFact(fact)?.type;
    const fits = operatorSpec(leaf.operator)?.facts.includes(type ?? 'string');
    const operator = fits
      ? leaf.operator
      : (OPERATORS.find((op) => type && op.facts.includes(type))?.name ?? 'equal');
    const sameShape = fits && lookupFact(leaf.fact)?.type === type;
    onChange({ fact, operator, value: sameShape ? leaf.value : freshValue(operator, fact) });
  };
  const changeOperator = (operator: string) => {
    const sameShape = operatorSpec(operator)?.value === operatorSpec(leaf.operator)?.value;
    onChange({ ...leaf, operator, value: sameShape ? leaf.value : freshValue(operator, leaf.fact) });
  };
  return (
    <div className="og-cond-leaf" data-testid="condition-leaf">
      <FactPicker value={leaf.fact} onChange={changeFact} />
      <OperatorPicker fact={leaf.fact} value={leaf.operator} onChange={changeOperator} />
      <ConditionValueInput
        fact={leaf.fact}
        operator={leaf.operator}
        value={leaf.value}
        onChange={(value) => onChange({ ...leaf, value })}
      />
      <Button small tone="ghost" onClick={onRemove} aria-label={t('condition.remove')}>
        ✕
      </Button>
    </div>
  );
}
