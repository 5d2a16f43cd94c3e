import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client';
import { AuthCard } from './AuthCard';
import { AuthError } from './AuthError';
import { newPasswordProblem } from './auth-errors';
import { PasswordFields } from './PasswordFields';

/** `#/reset?token=…`: a new password from the e-mailed link; then back to sign-in. */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const check = newPasswordProblem(password, confirm, t);
    setProblem(check);
    if (check !== undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.auth.confirmPasswordReset(token, password);
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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
        <form
          className="auth-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} label={t('auth.newPassword')} />
          {problem !== undefined && (
            <p className="error-note" role="alert">
              {problem}
            </p>
          )}
          <AuthError error={error} />
          <button type="submit" className="button primary" disabled={busy}>
            {t('auth.newPasswordSave')}
          </button>
        </form>
      )}
    </AuthCard>
  );
}
