import { useTranslation } from 'react-i18next';
import { Badge } from '../../atoms/Badge.tsx';
import type { Decision } from '../../core/engine.ts';

const TONE = { approved: 'ok', held: 'error', flagged: 'warning' } as const;

/** A decision as a consultant reads it: status first, then where it ships, with what, and why. */
export function DecisionView({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('decision.warehouse'), decision.warehouse ?? '—'],
    [t('decision.carrier'), decision.carrier ?? '—'],
    [t('decision.tags'), decision.tags.join('、') || '—'],
    [t('decision.gifts'), decision.gifts.map((g) => `${g.sku}×${g.qty}`).join('、') || '—'],
  ];
  if (decision.parcels.length) {
    rows.push([
      t('decision.parcels'),
      decision.parcels
        .map((p) => `${p.warehouse ?? '-'}: ${p.lines.map((l) => `${l.sku}×${l.qty}`).join(', ')}`)
        .join(' | '),
    ]);
  }
  if (decision.substitutions.length) {
    rows.push([
      t('decision.substitutions'),
      decision.substitutions.map((s) => `${s.from}→${s.to}×${s.qty}`).join('、'),
    ]);
  }
  if (decision.merge) {
    // The group by its key's first digits and its size so far; the reason code when it may not merge.
    const { group, size, excluded } = decision.merge;
    rows.push([
      t('decision.merge'),
      group === null ? `— ${excluded ?? ''}` : `${group.slice(0, 8)} ×${size}`,
    ]);
  }
  const extracted = Object.entries(decision.extracted);
  return (
    <div className="og-decision" data-testid="decision" data-status={decision.status}>
      <div className="og-decision__status">
        <Badge tone={TONE[decision.status]}>{t(`status.${decision.status}`)}</Badge>
        <span className="og-muted">{decision.orderId}</span>
      </div>
      {decision.holds.map((h) => (
        <p key={`${h.reason}:${h.nodeId}`} className="og-issue og-issue--error">
          {t('decision.hold')}: <strong>{h.reason}</strong> {h.message}
        </p>
      ))}
      {decision.flags.map((f) => (
        <p key={`${f.reason}:${f.nodeId}`} className="og-issue og-issue--warning">
          {t('decision.flag')}: <strong>{f.reason}</strong> {f.message}
        </p>
      ))}
      <dl className="og-decision__facts">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {extracted.map(([key, value]) => (
          <div key={key}>
            <dt>
              {t('decision.extracted')} {key}
            </dt>
            <dd>{JSON.stringify(value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
