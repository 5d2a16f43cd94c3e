import type { Kysely } from 'kysely';
import type { LoginAttemptRepository } from '@vigie/core';
import type { Database } from '../schema';

/**
 * Failed sign-ins per key (the SHA-256 of the lower-cased e-mail), for lockout. Recording a
 * failure also drops every failure older than the window, of any key, so the table holds only
 * the last window's attempts however many addresses an attacker tries.
 *
 * @example
 * const failures = await store.loginAttempts.recordFailure(key, new Date(), 15 * 60_000); // 5 → lock
 */
export function createLoginAttemptRepository(db: Kysely<Database>): LoginAttemptRepository {
  async function failuresSince(key: string, since: Date): Promise<number> {
    const row = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('key', '=', key)
      .where('at', '>', since.toISOString())
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    async recordFailure(key, at, windowMs) {
      const since = new Date(at.getTime() - windowMs);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('login_attempts').where('at', '<=', since.toISOString()).execute();
        await trx.insertInto('login_attempts').values({ key, at: at.toISOString() }).execute();
      });
      return failuresSince(key, since);
    },

    failuresSince,

    async clear(key) {
      await db.deleteFrom('login_attempts').where('key', '=', key).execute();
    },
  };
}
