/**
 * A wrong e-mail must cost what a wrong password costs: the sign-in runs scrypt against a real
 * (dummy) hash when the account does not exist or has no password. Checked by counting the work
 * rather than timing it (timings flake on a busy machine).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import * as password from './password';

vi.mock('./password', async (importOriginal) => {
  const original = await importOriginal<typeof import('./password')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

describe('sign-in timing', () => {
  let t: TestVigie;
  beforeAll(async () => {
    t = await createTestVigie();
    const user = await t.vigie.store.users.create({ email: 'ines@velotys.example', name: 'Ines', locale: 'fr', passwordHash: await password.hashPassword('correct horse battery staple') });
    await t.vigie.store.memberships.set(t.vigie.defaultWorkspace.id, user.id, 'agent');
    // Invited, no password yet.
    await t.vigie.store.users.create({ email: 'pending@velotys.example', name: 'Pending', locale: 'fr' });
  });
  afterAll(() => t.close());

  it('runs one scrypt check with the same parameters for an unknown e-mail, a password-less account and a wrong password', async () => {
    const verify = vi.mocked(password.verifyPassword);
    const hashesUsed: string[] = [];
    for (const email of ['nobody@velotys.example', 'pending@velotys.example', 'ines@velotys.example']) {
      verify.mockClear();
      const r = await t.callAs('anonymous', 'POST', '/api/auth/login', { email, password: 'wrong password here' }, { ip: `192.0.2.${hashesUsed.length + 10}` });
      expect(r.status).toBe(401);
      expect(verify).toHaveBeenCalledTimes(1);
      hashesUsed.push(verify.mock.calls[0]![1]);
    }
    // Same scheme and cost parameters (scrypt$N$r$p$…) in all three cases.
    expect(new Set(hashesUsed.map((h) => h.split('$').slice(0, 4).join('$'))).size).toBe(1);
    expect(hashesUsed[0]).toMatch(/^scrypt\$/);
  });
});
