import type { SessionView } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client';
import { useLoad } from '../ui/use-load';
import { AuthCard } from './AuthCard';
import { AuthError } from './AuthError';
import { newPasswordProblem } from './auth-errors';
import { PasswordFields } from './PasswordFields';

/** `#/invite?token=…`: an invited person picks a name and password, and is signed in. */
export function InvitePage({ token, onSignedIn }: { token: string; onSignedIn: (session: SessionView) => void }) {
  const { t } = useTranslation();
  const invitation = useLoad(() => api.auth.invitation(token), `invitation:${token}`);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const check = newPasswordProblem(password, confirm, t);
    setProblem(check);
    if (check !== undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api.auth.acceptInvitation({ token, name: name.trim(), password }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const info = invitation.data;
  return (
    <AuthCard title={info ? t('auth.inviteTitle', { workspace: info.workspaceName }) : 'Vigie'}>
      {invitation.error !== undefined && <AuthError error={invitation.error} />}
      {info && (
        <>
          <p className="muted">{t('auth.inviteHelp', { email: info.email })}</p>
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
            <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
            {problem !== undefined && (
              <p className="error-note" role="alert">
                {problem}
              </p>
            )}
            <AuthError error={error} />
            <button type="submit" className="button primary" disabled={busy}>
              {t('auth.inviteAccept')}
            </button>
          </form>
        </>
      )}
    </AuthCard>
  );
}
