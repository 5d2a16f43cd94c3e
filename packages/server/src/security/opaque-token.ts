import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque secrets handed to people (session cookies, API tokens, setup/reset/invitation links).
 * Only their SHA-256 is stored: a database leak gives no usable token. 32 random bytes make
 * guessing hopeless, so a fast hash is enough (unlike passwords).
 *
 * @example
 * const secret = generateToken('vgt_');   // 'vgt_3q2…' (4 + 43 characters)
 * store.apiTokens.findLive(hashToken(secret), new Date());
 */
export function generateToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** SHA-256 hex of a token: what the store keeps and looks up. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
