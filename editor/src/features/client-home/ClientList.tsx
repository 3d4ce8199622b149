import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientActions, useClientError, useClients } from '../../stores/client-store.ts';
import { useRouteActions } from '../../stores/route-store.ts';

/** The clients this key may work on: the demo client on a fresh server. */
export function ClientList() {
  const { t } = useTranslation();
  const clients = useClients();
  const error = useClientError();
  const { loadClients } = useClientActions();
  const { navigate } = useRouteActions();
  useEffect(() => {
    void loadClients();
  }, [loadClients]);
  return (
    <section className="og-home" data-testid="client-list">
      <h1 className="og-home__title">{t('home.clients')}</h1>
      {error ? <p className="og-issue og-issue--error">{error}</p> : null}
      {clients === undefined ? <p className="og-muted">{t('home.loading')}</p> : null}
      {clients?.length === 0 ? <p className="og-muted">{t('home.noClients')}</p> : null}
      <ul className="og-cards">
        {clients?.map((c) => (
          <li key={c.clientId}>
            <button
              type="button"
              className="og-card"
              onClick={() => navigate({ page: 'client', clientId: c.clientId })}
              data-client={c.clientId}
            >
              <strong className="og-card__title">{c.client.name}</strong>
              <span className="og-card__meta">
                {c.clientId} ·{' '}
                {t('home.masterData', {
                  warehouses: c.client.warehouses.length,
                  carriers: c.client.carriers.length,
                  skus: c.client.skus.length,
                })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
