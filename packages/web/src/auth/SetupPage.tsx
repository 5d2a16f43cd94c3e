import type { SessionView } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client';
import { useLoad } from '../ui/use-load';
import { AuthCard } from './AuthCard';
import { AuthError } from './AuthError';
import { newPasswordProblem } from './auth-errors';
import { PasswordFields } from './PasswordFields';

/** `#/setup?token=…`: the first start's owner account, from the link printed in the server log. */
export function SetupPage({ token, onSignedIn }: { token: string; onSignedIn: (session: SessionView) => void }) {
  const { t, i18n } = useTranslation();
  const needed = useLoad(() => api.auth.setupNeeded(), 'setup-needed');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (needed.data === false) {
    return (
      <AuthCard title={t('auth.setupTitle')}>
        <p role="status">{t('auth.setupNotNeeded')}</p>
        <a className="button secondary" href="#/">
          {t('auth.backToSignIn')}
        </a>
      </AuthCard>
    );
  }
  const submit = async (): Promise<void> => {
    const check = newPasswordProblem(password, confirm, t);
    setProblem(check);
    if (check !== undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const locale = i18n.language === 'fr' ? 'fr' : 'en';
      onSignedIn(await api.auth.setup({ token, email: email.trim(), name: name.trim(), password, locale }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthCard title={t('auth.setupTitle')}>
      <p className="muted">{t('auth.setupHelp')}</p>
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{t('auth.name')}</span>
          <input autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('auth.email')}</span>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
        {problem !== undefined && (
          <p className="error-note" role="alert">
            {problem}
          </p>
        )}
        <AuthError error={error} />
        <button type="submit" className="button primary" disabled={busy}>
          {t('auth.setupCreate')}
        </button>
      </form>
    </AuthCard>
  );
}
