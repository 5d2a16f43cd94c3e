import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newPasswordProblem } from './auth-errors';

export interface NewPassword {
  password: string;
  confirm: string;
  setPassword: (value: string) => void;
  setConfirm: (value: string) => void;
  /** Why the last check refused the password (too short, the two differ), shown under the fields. */
  problem: string | undefined;
  /** Checks the two fields before they go to the server; false (and `problem` shown) when refused. */
  check: () => boolean;
  /** Empties both fields (after a change went through). */
  clear: () => void;
}

/** The state of a new password typed twice (setup, invitation, reset, account page). */
export function useNewPassword(): NewPassword {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string>();
  return {
    password,
    confirm,
    setPassword,
    setConfirm,
    problem,
    check: () => {
      const found = newPasswordProblem(password, confirm, t);
      setProblem(found);
      return found === undefined;
    },
    clear: () => {
      setPassword('');
      setConfirm('');
    },
  };
}

/** A new password typed twice, with the policy spelled out and, after a refused check, why. */
export function NewPasswordFields({ value, label }: { value: NewPassword; label?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span>{label ?? t('auth.password')}</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          value={value.password}
          onChange={(e) => value.setPassword(e.target.value)}
          aria-describedby="password-policy"
        />
      </label>
      <p className="muted small" id="password-policy">
        {t('auth.passwordPolicy')}
      </p>
      <label className="field">
        <span>{t('auth.confirmPassword')}</span>
        <input type="password" autoComplete="new-password" required value={value.confirm} onChange={(e) => value.setConfirm(e.target.value)} />
      </label>
      {value.problem !== undefined && (
        <p className="error-note" role="alert">
          {value.problem}
        </p>
      )}
    </>
  );
}
