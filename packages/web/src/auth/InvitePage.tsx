import type { SessionView } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client';
import { useAction } from '../ui/use-action';
import { useLoad } from '../ui/use-load';
import { AuthCard } from './AuthCard';
import { AuthError } from './AuthError';
import { AuthForm } from './AuthForm';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

/** `#/invite?token=…`: an invited person picks a name and password, and is signed in. */
export function InvitePage({ token, onSignedIn }: { token: string; onSignedIn: (session: SessionView) => void }) {
  const { t } = useTranslation();
  const invitation = useLoad(() => api.auth.invitation(token), `invitation:${token}`);
  const [name, setName] = useState('');
  const newPassword = useNewPassword();
  const { busy, error, run } = useAction();

  const submit = (): void => {
    if (!newPassword.check()) return;
    void run(async () => onSignedIn(await api.auth.acceptInvitation({ token, name: name.trim(), password: newPassword.password })));
  };
  const info = invitation.data;
  return (
    <AuthCard title={info ? t('auth.inviteTitle', { workspace: info.workspaceName }) : 'Vigie'}>
      {invitation.error !== undefined && <AuthError error={invitation.error} />}
      {info && (
        <>
          <p className="muted">{t('auth.inviteHelp', { email: info.email })}</p>
          <AuthForm onSubmit={submit} busy={busy} error={error} submitLabel={t('auth.inviteAccept')}>
            <label className="field">
              <span>{t('auth.name')}</span>
              <input autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <NewPasswordFields value={newPassword} />
          </AuthForm>
        </>
      )}
    </AuthCard>
  );
}
