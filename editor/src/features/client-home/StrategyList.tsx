import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../atoms/Badge.tsx';
import { Button } from '../../atoms/Button.tsx';
import { FAMILIES } from '../../core/engine.ts';
import {
  useClientActions,
  useClientError,
  useMasterData,
  useStrategyList,
} from '../../stores/client-store.ts';
import { useRouteActions } from '../../stores/route-store.ts';
import { NewStrategyDialog } from './NewStrategyDialog.tsx';

/** A client's strategies in pipeline order (审单 before 分仓 before 快递 …), and a way to start a new one. */
export function StrategyList({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const client = useMasterData();
  const strategies = useStrategyList();
  const error = useClientError();
  const { openClient } = useClientActions();
  const { navigate } = useRouteActions();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    void openClient(clientId);
  }, [clientId, openClient]);
  const ordered = [...(strategies ?? [])].sort(
    (a, b) =>
      FAMILIES.indexOf(a.family as never) - FAMILIES.indexOf(b.family as never) ||
      a.name.localeCompare(b.name),
  );
  return (
    <section className="og-home" data-testid="strategy-list">
      <button type="button" className="og-link" onClick={() => navigate({ page: 'home' })}>
        ← {t('home.clients')}
      </button>
      <h1 className="og-home__title">{client?.name ?? clientId}</h1>
      <p className="og-muted">{t('home.pipelineOrder')}</p>
      {error ? <p className="og-issue og-issue--error">{error}</p> : null}
      <Button tone="primary" onClick={() => setCreating(true)} data-testid="new-strategy">
        ＋ {t('home.newStrategy')}
      </Button>
      <ul className="og-cards">
        {ordered.map((s) => (
          <li key={s.strategyId}>
            <button
              type="button"
              className="og-card"
              onClick={() => navigate({ page: 'strategy', clientId, strategyId: s.strategyId })}
              data-strategy={s.strategyId}
            >
              <span className="og-card__title">
                <Badge tone="info">{t(`family.${s.family}`)}</Badge> <strong>{s.name}</strong>
              </span>
              <span className="og-card__meta">
                {s.strategyId} · r{s.revision} · {s.updatedBy} ·{' '}
                {new Date(s.updatedAt).toLocaleString(i18n.language)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <NewStrategyDialog clientId={clientId} open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}
