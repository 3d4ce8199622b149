import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionWords } from '../core/conditions/describe-condition.ts';
import { operatorSpec } from '../core/engine.ts';
import { useFactLabel } from './useFactLabel.ts';
import { useLabel } from './useLabel.ts';

export function useConditionWords(): ConditionWords {
  const { t } = useTranslation();
  const fact = useFactLabel();
  const label = useLabel();
  return useMemo(
    () => ({
      fact,
      operator: (name: string) => {
        const spec = operatorSpec(name);
        return spec ? label(spec.label) : name;
      },
      and: t('condition.and'),
      or: t('condition.or'),
      not: t('condition.not'),
    }),
    [fact, label, t],
  );
}
