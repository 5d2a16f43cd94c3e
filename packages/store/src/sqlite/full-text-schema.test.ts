import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeMention } from '../cases/mention-factory';
import { migrateToLatest } from '../migrations/migrate-to-latest';
import { createMentionRepository } from '../repositories/mention-repository';
import { createSourceRepository } from '../repositories/source-repository';
import { createWorkspaceRepository } from '../repositories/workspace-repository';
import { openSqliteDatabase } from './open-database';

describe('SQLite full-text index', () => {
  it('stays exactly in sync with mentions through upserts, refreshes and every kind of delete', async () => {
    const { db, dialect } = openSqliteDatabase(':memory:');
    try {
      await migrateToLatest(db, dialect);
      const workspaces = createWorkspaceRepository(db, dialect);
      const mentions = createMentionRepository(db, dialect);
      const a = await workspaces.create({ name: 'A', slug: 'a' });
      const b = await workspaces.create({ name: 'B', slug: 'b' });
      const source = await createSourceRepository(db, dialect).create(a.id, { connector: 'rss', name: 'S', config: {}, pollIntervalSec: 60 });
      await mentions.upsertMany(a.id, Array.from({ length: 40 }, (_, i) => makeMention({ externalId: `a${i}`, text: `bonjour école ${i}`, sourceId: i < 10 ? source.id : undefined })));
      await mentions.upsertMany(b.id, Array.from({ length: 5 }, (_, i) => makeMention({ externalId: `b${i}`, title: 'Titre', text: 'bonjour' })));
      await mentions.upsertMany(a.id, [makeMention({ externalId: 'a20', text: 'texte remplacé' }), makeMention({ externalId: 'a21', engagement: { likes: 5 }, text: 'bonjour école 21' })]);
      await mentions.deleteBySource(a.id, source.id);
      await mentions.deleteByConnector(a.id, 'mastodon');
      await workspaces.delete(b.id);

      // FTS5's own check compares the index with the content table, row by row ('rank' = 1).
      await sql`insert into mentions_fts (mentions_fts, rank) values ('integrity-check', 1)`.execute(db);
      expect(await mentions.count(a.id, { search: 'bonjour' })).toBe(29);
      expect(await mentions.count(a.id, { search: 'remplace' })).toBe(1);
      expect(await mentions.count(b.id, { search: 'titre' })).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});
