import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../ui/ErrorNote';
import { authErrorMessage } from './auth-errors';

/** A sign-in failure in plain words (wrong password, too many attempts, dead link), else the generic note. */
export function AuthError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined || error === null) return null;
  const message = authErrorMessage(error, t);
  if (message === undefined) return <ErrorNote error={error} />;
  return (
    <p className="error-note" role="alert">
      {message}
    </p>
  );
}
