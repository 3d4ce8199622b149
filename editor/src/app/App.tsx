import { useTranslation } from 'react-i18next';
import { Button } from '../atoms/Button.tsx';
import { LanguageSwitch } from '../atoms/LanguageSwitch.tsx';
import { ClientList } from '../features/client-home/ClientList.tsx';
import { StrategyList } from '../features/client-home/StrategyList.tsx';
import { LoginScreen } from '../features/login/LoginScreen.tsx';
import { useRouteSync } from '../hooks/useRouteSync.ts';
import { useRoute, useRouteActions } from '../stores/route-store.ts';
import { useApiKey, useSessionActions } from '../stores/session-store.ts';
import { EditorPage } from './EditorPage.tsx';

export function App() {
  const { t } = useTranslation();
  const key = useApiKey();
  const route = useRoute();
  const { navigate } = useRouteActions();
  const { signOut } = useSessionActions();
  useRouteSync();
  if (!key) return <LoginScreen />;
  return (
    <div className="og-app">
      <header className="og-topbar">
        <button type="button" className="og-brand" onClick={() => navigate({ page: 'home' })}>
          Ordergraph <span className="og-brand__sub">{t('app.subtitle')}</span>
        </button>
        <div className="og-topbar__right">
          <LanguageSwitch />
          <Button small tone="ghost" onClick={() => signOut()}>
            {t('app.signOut')}
          </Button>
        </div>
      </header>
      <main className="og-main">
        {route.page === 'home' ? <ClientList /> : null}
        {route.page === 'client' ? <StrategyList clientId={route.clientId} /> : null}
        {route.page === 'strategy' ? (
          <EditorPage key={`${route.clientId}/${route.strategyId}`} {...route} />
        ) : null}
      </main>
    </div>
  );
}
