import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openingError } from '../cases/opening-error';
import { createStore } from '../create-store';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-open-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('opening a SQLite database that cannot be used gives one clear line', () => {
  it('a SQLite file locked by another connection', async () => {
    const file = join(tempDir(), 'locked.db');
    const holder = new SqliteDatabase(file);
    holder.exec('create table t (x)');
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('begin exclusive');
    try {
      const error = await openingError({ kind: 'sqlite', file, busyTimeoutMs: 50 });
      expect(error.message).toContain(`Database file ${file} is locked by another process`);
      expect(error.message).toContain('verrouillée');
    } finally {
      holder.exec('rollback');
      holder.close();
    }
    // Once the lock is gone the same file opens normally.
    const store = await createStore({ kind: 'sqlite', file });
    await store.close();
  });

  it('a write that meets another process\'s lock after opening, too', async () => {
    const file = join(tempDir(), 'busy.db');
    const store = await createStore({ kind: 'sqlite', file, busyTimeoutMs: 50 });
    const holder = new SqliteDatabase(file);
    holder.exec('begin exclusive');
    try {
      await expect(store.workspaces.create({ name: 'A', slug: 'a' })).rejects.toMatchObject({
        code: 'database_unavailable',
        message: expect.stringContaining('is locked by another process'),
      });
    } finally {
      holder.exec('rollback');
      holder.close();
    }
    await expect(store.workspaces.create({ name: 'A', slug: 'a' })).resolves.toMatchObject({ slug: 'a' });
    await store.close();
  });

  it('a file that is not a SQLite database', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'Ceci est un fichier texte, pas une base de données.\n'.repeat(200));
    const error = await openingError({ kind: 'sqlite', file });
    expect(error.message).toContain(`Database file ${file} is not a SQLite database`);
    expect(error.message).toContain("n'est pas une base SQLite");
  });

  it('a SQLite file in a directory that does not exist', async () => {
    const file = join(tempDir(), 'missing', 'vigie.db');
    const error = await openingError({ kind: 'sqlite', file });
    expect(error.message).toContain('does not exist');
  });
});
