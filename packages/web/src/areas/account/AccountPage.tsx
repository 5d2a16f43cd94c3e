import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { AuthError } from '../../auth/AuthError';
import { newPasswordProblem } from '../../auth/auth-errors';
import { PasswordFields } from '../../auth/PasswordFields';
import { useSession } from '../../auth/session-context';

/** `#/account`: who I am and a new password (the server signs out my other sessions). */
export function AccountPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const check = newPasswordProblem(password, confirm, t);
    setProblem(check);
    setDone(false);
    if (check !== undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.session.changePassword(current, password);
      // The server rotated this session: read it again for the new CSRF token.
      await api.session.get();
      setDone(true);
      setCurrent('');
      setPassword('');
      setConfirm('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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
      <form
        className="card auth-form narrow"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{t('account.changePassword')}</h2>
        <input type="email" autoComplete="username" value={session.user?.email ?? ''} readOnly hidden />
        <label className="field">
          <span>{t('account.currentPassword')}</span>
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} label={t('auth.newPassword')} />
        {problem !== undefined && (
          <p className="error-note" role="alert">
            {problem}
          </p>
        )}
        <AuthError error={error} />
        {done && (
          <p className="qe-ok" role="status">
            {t('account.passwordChanged')}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}
