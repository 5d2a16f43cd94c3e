import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '@vigie/core';

/**
 * Encrypts secrets at rest (connector tokens, OAuth grants, SMTP passwords) with AES-256-GCM.
 * Format: `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url). The key id lets a rotation re-encrypt
 * with a new key while old values still open with the previous one.
 *
 * @example
 * const box = createSecretBox({ current: key32bytes, previous: [] });
 * const sealed = box.seal('token'); box.open(sealed); // 'token'
 */
export function createSecretBox(keys: { current: Buffer; previous?: Buffer[] }) {
  const all = [keys.current, ...(keys.previous ?? [])];
  for (const key of all) if (key.length !== 32) throw new AppError('config_invalid', 'an encryption key must be 32 bytes (64 hex characters or 43 base64url characters)');
  const idOf = (key: Buffer) => createHash('sha256').update(key).digest('base64url').slice(0, 8);
  const byId = new Map(all.map((key) => [idOf(key), key]));
  const currentId = idOf(keys.current);

  return {
    seal(plaintext: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
    },
    open(sealed: string): string {
      const [version, keyId, iv, tag, data] = sealed.split(':');
      const key = keyId ? byId.get(keyId) : undefined;
      if (version !== 'v1' || !key || !iv || !tag || data === undefined) {
        throw new AppError('config_invalid', 'a stored secret cannot be decrypted with the configured keys (was the encryption key changed without keeping the old one in VIGIE_PREVIOUS_SECRET_KEYS?)');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
    /** True when the value was sealed with an older key (the rotation command re-seals those). */
    isStale(sealed: string): boolean {
      return sealed.split(':')[1] !== currentId;
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
