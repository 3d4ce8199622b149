import { useTranslation } from 'react-i18next';
import type { Explanation } from '../../core/engine.ts';
import { useLabel } from '../../hooks/useLabel.ts';

const TONE: Record<Explanation['kind'], string> = {
  hold: 'og-issue og-issue--error',
  flag: 'og-issue og-issue--warning',
  warehouse: 'og-explanation',
  carrier: 'og-explanation',
};

/** Why the order was decided so: a sentence per hold, flag, warehouse and carrier, as the OMS shows its operators. */
export function ExplanationList({ explanations }: { explanations: readonly Explanation[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  if (explanations.length === 0) return null;
  return (
    <>
      <h3 className="og-subtitle">{t('test.why')}</h3>
      <ul className="og-explanations" data-testid="explanations">
        {explanations.map((e) => (
          <li
            key={`${e.kind}:${e.code}:${e.strategyId}:${e.nodeId}`}
            className={TONE[e.kind]}
            data-kind={e.kind}
          >
            {label(e.text)}
          </li>
        ))}
      </ul>
    </>
  );
}
