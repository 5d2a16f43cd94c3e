import type { SessionView } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client';
import { useAction } from '../ui/use-action';
import { useLoad } from '../ui/use-load';
import { AuthCard } from './AuthCard';
import { AuthForm } from './AuthForm';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

/** `#/setup?token=…`: the first start's owner account, from the link printed in the server log. */
export function SetupPage({ token, onSignedIn }: { token: string; onSignedIn: (session: SessionView) => void }) {
  const { t, i18n } = useTranslation();
  const needed = useLoad(() => api.auth.setupNeeded(), 'setup-needed');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const newPassword = useNewPassword();
  const { busy, error, run } = useAction();

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
  const submit = (): void => {
    if (!newPassword.check()) return;
    void run(async () => {
      const locale = i18n.language === 'fr' ? 'fr' : 'en';
      onSignedIn(await api.auth.setup({ token, email: email.trim(), name: name.trim(), password: newPassword.password, locale }));
    });
  };
  return (
    <AuthCard title={t('auth.setupTitle')}>
      <p className="muted">{t('auth.setupHelp')}</p>
      <AuthForm onSubmit={submit} busy={busy} error={error} submitLabel={t('auth.setupCreate')}>
        <label className="field">
          <span>{t('auth.name')}</span>
          <input autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('auth.email')}</span>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <NewPasswordFields value={newPassword} />
      </AuthForm>
    </AuthCard>
  );
}
