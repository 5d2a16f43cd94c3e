import type { Kysely, Selectable } from 'kysely';
import { AppError, isRole, type Membership, type MembershipRepository, type Role } from '@vigie/core';
import { toIso } from '../iso-time';
import type { Database, MembershipTable } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { toUser } from './user-repository';

function toRole(value: string): Role {
  if (!isRole(value)) throw new AppError('internal', `Unknown role "${value}" in the database`);
  return value;
}

function toMembership(row: Selectable<MembershipTable>): Membership {
  return { workspaceId: row.workspace_id, userId: row.user_id, role: toRole(row.role), createdAt: toIso(row.created_at) };
}

/**
 * Who belongs to which workspace, with which role. Removing the last owner is the caller's
 * check (countOwners), made before the change.
 *
 * @example
 * await store.memberships.set(ws.id, user.id, 'agent');
 * await store.memberships.set(ws.id, user.id, 'manager'); // changes the role, keeps createdAt
 */
export function createMembershipRepository(db: Kysely<Database>, dialect: StoreDialect): MembershipRepository {
  async function get(workspaceId: string, userId: string): Promise<Membership | undefined> {
    const row = await db.selectFrom('memberships').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    return row && toMembership(row);
  }

  return {
    async set(workspaceId, userId, role) {
      if (!isRole(role)) {
        throw new AppError('validation_failed', `Unknown role "${String(role)}"`, [{ field: 'role', message: 'unknown role / rôle inconnu' }]);
      }
      try {
        await db
          .insertInto('memberships')
          .values({ workspace_id: workspaceId, user_id: userId, role, created_at: new Date().toISOString() })
          .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role }))
          .execute();
      } catch (error) {
        if (dialect.isForeignKeyViolation(error)) throw new AppError('not_found', 'No such workspace or user');
        throw error;
      }
      return (await get(workspaceId, userId))!;
    },

    get,

    async listByWorkspace(workspaceId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .selectAll('users')
        .select(['memberships.workspace_id', 'memberships.user_id', 'memberships.role', 'memberships.created_at as member_since'])
        .where('memberships.workspace_id', '=', workspaceId)
        .orderBy('users.email')
        .execute();
      return rows.map((row) => ({
        workspaceId: row.workspace_id,
        userId: row.user_id,
        role: toRole(row.role),
        createdAt: toIso(row.member_since),
        user: toUser(row),
      }));
    },

    async listByUser(userId) {
      const rows = await db
        .selectFrom('memberships')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('workspace_id')
        .execute();
      return rows.map(toMembership);
    },

    async remove(workspaceId, userId) {
      const result = await db.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async countOwners(workspaceId) {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
