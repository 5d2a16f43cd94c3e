import type { Kysely, Selectable, Updateable } from 'kysely';
import { AppError, type User, type UserRepository } from '@vigie/core';
import { createId } from '../create-id';
import { toIso } from '../iso-time';
import type { Database, UserTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

/** E-mails are compared and stored trimmed and lower-cased: `Alice@Example.com` is `alice@example.com`. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale === 'en' ? 'en' : 'fr',
    ...(row.password_hash !== null && { passwordHash: row.password_hash }),
    createdAt: toIso(row.created_at),
    ...(row.disabled_at !== null && { disabledAt: toIso(row.disabled_at) }),
  };
}

/**
 * Users of the instance (not of a workspace: memberships say where they belong).
 *
 * @example
 * const user = await store.users.create({ email: 'Alice@Example.com', name: 'Alice', passwordHash });
 * await store.users.getByEmail('ALICE@example.com'); // the same user
 */
export function createUserRepository(db: Kysely<Database>, dialect: StoreDialect): UserRepository {
  async function get(id: string): Promise<User | undefined> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  return {
    async create(input) {
      const user: User = {
        id: createId(),
        email: normaliseEmail(input.email),
        name: input.name,
        locale: input.locale ?? 'fr',
        ...(input.passwordHash !== undefined && { passwordHash: input.passwordHash }),
        createdAt: new Date().toISOString(),
      };
      try {
        await db
          .insertInto('users')
          .values({
            id: user.id,
            email: user.email,
            name: user.name,
            locale: user.locale,
            password_hash: user.passwordHash ?? null,
            created_at: user.createdAt,
            disabled_at: null,
          })
          .execute();
      } catch (error) {
        if (!dialect.isUniqueViolation(error)) throw error;
        throw new AppError('conflict', 'A user with this e-mail already exists', [
          { field: 'email', message: 'already used / déjà utilisée' },
        ]);
      }
      return user;
    },

    get,

    async getByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
      return row && toUser(row);
    },

    async count() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async update(id, patch) {
      const set: Updateable<UserTable> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.locale !== undefined) set.locale = patch.locale;
      // Present but undefined clears: `{ disabledAt: undefined }` enables the user again.
      if ('passwordHash' in patch) set.password_hash = patch.passwordHash ?? null;
      if ('disabledAt' in patch) set.disabled_at = patch.disabledAt === undefined ? null : toIso(patch.disabledAt);
      if (Object.keys(set).length > 0) await db.updateTable('users').set(set).where('id', '=', id).execute();
      return get(id);
    },

    async delete(id) {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
