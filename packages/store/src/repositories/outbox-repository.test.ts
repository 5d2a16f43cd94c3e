/**
 * The outbox survives a restart: entries written, the store closed and reopened, still due —
 * on SQLite (a file) and on PostgreSQL (a throw-away database).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeNotification } from '../cases/alert-factory';
import { createStore, type StoreOptions } from '../create-store';
import { createTestDatabase, isPostgresSkipped } from '../postgres/test-database';

async function survivesRestart(options: StoreOptions): Promise<void> {
  const now = Date.parse('2026-11-17T08:00:00Z');
  const first = await createStore(options);
  const ws = await first.workspaces.create({ name: 'Restart', slug: `restart-${Date.now().toString(36)}` });
  const notification = makeNotification();
  const entry = { key: notification.key, workspaceId: ws.id, notification, target: { kind: 'in_app' as const, workspaceId: ws.id }, nextAttemptAt: now };
  expect(await first.outbox.enqueue([entry])).toBe(1);
  // Claimed by a worker that then dies: the lease ends and the entry is due again.
  expect(await first.outbox.claimDue(now, 10, 60_000)).toHaveLength(1);
  await first.close();

  const second = await createStore(options);
  try {
    expect(await second.outbox.claimDue(now + 1_000, 10, 60_000)).toEqual([]);
    const due = await second.outbox.claimDue(now + 61_000, 10, 60_000);
    expect(due).toMatchObject([{ key: entry.key, status: 'pending', attempts: 0, notification }]);
    expect(await second.outbox.enqueue([entry])).toBe(0);
  } finally {
    await second.close();
  }
}

describe('notification outbox across a restart', () => {
  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-outbox-'));
    try {
      await survivesRestart({ kind: 'sqlite', file: join(dir, 'vigie.db') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(isPostgresSkipped())('on PostgreSQL (skipped only when VIGIE_TEST_SKIP_PG=1)', async () => {
    const database = await createTestDatabase();
    try {
      await survivesRestart({ kind: 'postgres', url: database.url });
    } finally {
      await database.drop();
    }
  });
});
