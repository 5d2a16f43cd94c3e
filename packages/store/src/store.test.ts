import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { createStore } from './create-store';
import { createTestDatabase, isPostgresSkipped } from './postgres/test-database';
import { runStoreCases } from './store.case';

runStoreCases('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-store-'));
  const store = await createStore({ kind: 'sqlite', file: join(dir, 'vigie.db') });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

if (isPostgresSkipped()) {
  // Only on explicit request: an unreachable server otherwise fails the run (see test-database.ts).
  describe.skip('store on postgres — skipped because VIGIE_TEST_SKIP_PG=1', () => {
    it('runs the same cases as SQLite', () => undefined);
  });
} else {
  runStoreCases('postgres', async () => {
    const database = await createTestDatabase();
    const store = await createStore({ kind: 'postgres', url: database.url });
    return {
      store,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  });
}
