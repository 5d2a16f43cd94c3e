import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { createSecretBox } from './secret-box';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const a = await hashPassword('Tourner sept fois sa langue');
    const b = await hashPassword('Tourner sept fois sa langue');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Tourner sept fois sa langue', a)).toBe(true);
    expect(await verifyPassword('tourner sept fois sa langue', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('secret box', () => {
  it('round-trips, never stores the plaintext, and detects tampering', () => {
    const box = createSecretBox({ current: randomBytes(32) });
    const sealed = box.seal('mastodon-token-123');
    expect(sealed).not.toContain('mastodon-token-123');
    expect(box.open(sealed)).toBe('mastodon-token-123');
    const parts = sealed.split(':');
    parts[4] = Buffer.from('forged').toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow();
  });

  it('opens values sealed with a previous key after rotation and marks them stale', () => {
    const oldKey = randomBytes(32);
    const sealedBefore = createSecretBox({ current: oldKey }).seal('secret');
    const rotated = createSecretBox({ current: randomBytes(32), previous: [oldKey] });
    expect(rotated.open(sealedBefore)).toBe('secret');
    expect(rotated.isStale(sealedBefore)).toBe(true);
    expect(rotated.isStale(rotated.seal('secret'))).toBe(false);
    expect(() => createSecretBox({ current: randomBytes(32) }).open(sealedBefore)).toThrow(/cannot be decrypted/);
  });
});
