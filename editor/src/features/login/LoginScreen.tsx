import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { LanguageSwitch } from '../../atoms/LanguageSwitch.tsx';
import { useSessionActions, useSessionStore } from '../../stores/session-store.ts';

/** The API key the server printed at its first start (or one an admin made): kept for this tab only. */
export function LoginScreen() {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const checking = useSessionStore((s) => s.checking);
  const error = useSessionStore((s) => s.error);
  const { signIn } = useSessionActions();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) void signIn(key);
  };
  return (
    <main className="og-login">
      <form className="og-login__card" onSubmit={submit} data-testid="login">
        <h1 className="og-login__title">Ordergraph</h1>
        <p className="og-login__subtitle">{t('login.subtitle')}</p>
        <label className="og-field__label" htmlFor="og-api-key">
          {t('login.key')}
        </label>
        <input
          id="og-api-key"
          className="og-input"
          type="password"
          autoComplete="off"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          placeholder="og_…"
        />
        <p className="og-field__help">{t('login.help')}</p>
        {error ? (
          <p className="og-issue og-issue--error" role="alert">
            {t(`login.error.${error}`)}
          </p>
        ) : null}
        <Button tone="primary" type="submit" disabled={checking || !key.trim()}>
          {checking ? t('login.checking') : t('login.submit')}
        </Button>
      </form>
      <LanguageSwitch />
    </main>
  );
}
