import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client';
import { useAction } from '../ui/use-action';
import { AuthCard } from './AuthCard';
import { AuthForm } from './AuthForm';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

/** `#/reset?token=…`: a new password from the e-mailed link; then back to sign-in. */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const newPassword = useNewPassword();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);

  const submit = (): void => {
    if (!newPassword.check()) return;
    void run(async () => {
      await api.auth.confirmPasswordReset(token, newPassword.password);
      setDone(true);
    });
  };
  return (
    <AuthCard title={t('auth.newPasswordTitle')}>
      {done ? (
        <>
          <p className="qe-ok" role="status">
            {t('auth.newPasswordDone')}
          </p>
          <a className="button primary" href="#/">
            {t('auth.signIn')}
          </a>
        </>
      ) : (
        <AuthForm onSubmit={submit} busy={busy} error={error} submitLabel={t('auth.newPasswordSave')}>
          <NewPasswordFields value={newPassword} label={t('auth.newPassword')} />
        </AuthForm>
      )}
    </AuthCard>
  );
}
