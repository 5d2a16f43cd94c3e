import { useTranslation } from 'react-i18next';

/** A new password typed twice, with the policy spelled out. */
export function PasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  label,
}: {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span>{label ?? t('auth.password')}</span>
        <input type="password" autoComplete="new-password" required value={password} onChange={(e) => onPassword(e.target.value)} aria-describedby="password-policy" />
      </label>
      <p className="muted small" id="password-policy">
        {t('auth.passwordPolicy')}
      </p>
      <label className="field">
        <span>{t('auth.confirmPassword')}</span>
        <input type="password" autoComplete="new-password" required value={confirm} onChange={(e) => onConfirm(e.target.value)} />
      </label>
    </>
  );
}
