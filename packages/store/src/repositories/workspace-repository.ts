import type { Kysely, Selectable } from 'kysely';
import { AppError, type Workspace, type WorkspaceRepository } from '@vigie/core';
import { createId } from '../create-id';
import { toIso } from '../iso-time';
import type { Database, WorkspaceTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

function toWorkspace(row: Selectable<WorkspaceTable>): Workspace {
  return { id: row.id, name: row.name, slug: row.slug, isDemo: Boolean(row.is_demo), createdAt: toIso(row.created_at) };
}

/**
 * Workspaces: the unit of isolation. Deleting one cascades (foreign keys) to all its rows.
 *
 * @example
 * const ws = await store.workspaces.create({ name: 'Acme', slug: 'acme' });
 */
export function createWorkspaceRepository(db: Kysely<Database>, dialect: StoreDialect): WorkspaceRepository {
  return {
    async create(input) {
      const workspace: Workspace = {
        id: createId(),
        name: input.name,
        slug: input.slug,
        isDemo: input.isDemo ?? false,
        createdAt: new Date().toISOString(),
      };
      try {
        await db
          .insertInto('workspaces')
          .values({
            id: workspace.id,
            name: workspace.name,
            slug: workspace.slug,
            is_demo: dialect.toBool(workspace.isDemo),
            created_at: workspace.createdAt,
          })
          .execute();
      } catch (error) {
        if (!dialect.isUniqueViolation(error)) throw error;
        throw new AppError('conflict', `A workspace with slug "${input.slug}" already exists`, [
          { field: 'slug', message: 'already used / déjà utilisé' },
        ]);
      }
      return workspace;
    },

    async get(id) {
      const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toWorkspace(row);
    },

    async getBySlug(slug) {
      const row = await db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toWorkspace(row);
    },

    async list() {
      const rows = await db.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toWorkspace);
    },

    async rename(id, name) {
      await db.updateTable('workspaces').set({ name }).where('id', '=', id).execute();
      return this.get(id);
    },

    async delete(id) {
      await db.deleteFrom('workspaces').where('id', '=', id).execute();
    },
  };
}
