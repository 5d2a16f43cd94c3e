import { AppError } from '@vigie/core';

export const MIN_PASSWORD_LENGTH = 12;
/** scrypt copes with long input, but a cap keeps a request from making it hash megabytes. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * The password rules (docs/security.md): at least 12 characters, not one character repeated,
 * not the e-mail address. Throws `validation_failed` naming the field.
 *
 * @example
 * checkPasswordPolicy('aaaaaaaaaaaa', 'a@b.example'); // throws: not one character repeated
 */
export function checkPasswordPolicy(password: string, email: string, field = 'password'): void {
  const problem =
    password.length < MIN_PASSWORD_LENGTH
      ? `at least ${MIN_PASSWORD_LENGTH} characters / au moins ${MIN_PASSWORD_LENGTH} caractères`
      : password.length > MAX_PASSWORD_LENGTH
        ? `at most ${MAX_PASSWORD_LENGTH} characters / au plus ${MAX_PASSWORD_LENGTH} caractères`
        : new Set(password).size === 1
          ? 'not one character repeated / pas un seul caractère répété'
          : password.trim().toLowerCase() === email.trim().toLowerCase()
            ? 'not your e-mail address / pas votre adresse e-mail'
            : undefined;
  if (problem) throw new AppError('validation_failed', 'The password is too weak / Le mot de passe est trop faible', [{ field, message: problem }]);
}
