import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { AuthForm } from '../../auth/AuthForm';
import { NewPasswordFields, useNewPassword } from '../../auth/NewPasswordFields';
import { useSession } from '../../auth/session-context';
import { useAction } from '../../ui/use-action';

/** `#/account`: who I am and a new password (the server signs out my other sessions). */
export function AccountPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);

  const submit = (): void => {
    const ok = newPassword.check();
    setDone(false);
    if (!ok) return;
    void run(async () => {
      await api.session.changePassword(current, newPassword.password);
      // The server rotated this session: read it again for the new CSRF token.
      await api.session.get();
      setDone(true);
      setCurrent('');
      newPassword.clear();
    });
  };
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('account.title')}</h1>
      </header>
      <div className="card">
        <p>
          <strong>{session.user?.name}</strong> — {session.user?.email}
        </p>
        <p className="muted">{t('account.role', { role: t(`role.${session.role}`) })}</p>
      </div>
      <AuthForm
        className="card auth-form narrow"
        onSubmit={submit}
        busy={busy}
        error={error}
        submitLabel={t('common.save')}
        status={
          done && (
            <p className="qe-ok" role="status">
              {t('account.passwordChanged')}
            </p>
          )
        }
      >
        <h2>{t('account.changePassword')}</h2>
        <input type="email" autoComplete="username" value={session.user?.email ?? ''} readOnly hidden />
        <label className="field">
          <span>{t('account.currentPassword')}</span>
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <NewPasswordFields value={newPassword} label={t('auth.newPassword')} />
      </AuthForm>
    </section>
  );
}
