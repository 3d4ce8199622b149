import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useComparing } from '../../stores/highlight-store.ts';

/** What the two colours mean, while a changed order's two paths are lit. */
export function TraceLegend() {
  const { t } = useTranslation();
  const comparing = useComparing();
  if (!comparing) return null;
  return (
    <Panel position="top-right" className="og-trace-legend" data-testid="trace-legend">
      {(['baseline', 'candidate', 'both'] as const).map((side) => (
        <span key={side} className="og-trace-legend__item">
          <span className={`og-trace-legend__swatch og-trace-legend__swatch--${side}`} aria-hidden="true" />
          {t(`traceCompare.${side}`)}
        </span>
      ))}
    </Panel>
  );
}
