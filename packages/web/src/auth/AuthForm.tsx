import type { ReactNode } from 'react';
import { AuthError } from './AuthError';

/**
 * A sign-in style form: its fields, the failure in plain words, an optional status line (done,
 * link sent), and the one submit button, disabled while `busy`.
 */
export function AuthForm({
  onSubmit,
  busy,
  error,
  submitLabel,
  status,
  className = 'auth-form',
  children,
}: {
  onSubmit: () => void;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  status?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <AuthError error={error} />
      {status}
      <button type="submit" className="button primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
