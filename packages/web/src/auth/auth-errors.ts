import { isClientError } from '@vigie/client';
import type { TFunction } from 'i18next';

/**
 * The sentence a sign-in form shows for a failure: wrong credentials, too many attempts (with the
 * wait from Retry-After, in whole minutes), an invalid link; anything else → undefined (ErrorNote).
 */
export function authErrorMessage(error: unknown, t: TFunction): string | undefined {
  if (!isClientError(error)) return undefined;
  if (error.status === 401) return t('auth.wrongCredentials');
  if (error.status === 429) {
    return error.retryAfterSec === undefined ? t('auth.tooManyNoDelay') : t('auth.tooMany', { minutes: Math.max(1, Math.ceil(error.retryAfterSec / 60)) });
  }
  if (error.status === 404) return t('auth.linkInvalid');
  return undefined;
}

/** Client-side check of a new password before the server's (which also refuses the e-mail itself). */
export function newPasswordProblem(password: string, confirm: string, t: TFunction): string | undefined {
  if (password.length < 12) return t('auth.passwordTooShort');
  if (password !== confirm) return t('auth.passwordMismatch');
  return undefined;
}
