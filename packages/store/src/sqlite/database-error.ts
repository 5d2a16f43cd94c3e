import { AppError } from '@vigie/core';

// better-sqlite3 exposes SQLite's (extended) result code as a string, e.g. SQLITE_BUSY_SNAPSHOT;
// the primary code is its prefix. Errors are classified by these codes, never by message text.
const REASONS: [prefix: string, en: string, fr: string][] = [
  ['SQLITE_BUSY', 'is locked by another process (is another Vigie running?)', 'est verrouillée par un autre processus (un autre Vigie tourne-t-il ?)'],
  ['SQLITE_LOCKED', 'is locked by another process (is another Vigie running?)', 'est verrouillée par un autre processus (un autre Vigie tourne-t-il ?)'],
  ['SQLITE_NOTADB', 'is not a SQLite database', "n'est pas une base SQLite"],
  ['SQLITE_CORRUPT', 'is a damaged SQLite database', 'est une base SQLite endommagée'],
  ['SQLITE_CANTOPEN', 'cannot be opened (missing directory or no permission)', 'ne peut pas être ouverte (dossier absent ou droits insuffisants)'],
  ['SQLITE_READONLY', 'is read-only', 'est en lecture seule'],
  ['SQLITE_PERM', 'cannot be written (no permission)', 'ne peut pas être écrite (droits insuffisants)'],
  ['SQLITE_FULL', 'cannot grow: the disk is full', 'ne peut pas grandir : le disque est plein'],
  ['SQLITE_IOERR', 'cannot be read or written (input/output error)', 'ne peut être ni lue ni écrite (erreur d’entrée/sortie)'],
];

/**
 * One clear line for a SQLite error that means "this file cannot be used as the database".
 *
 * @example
 * describeSqliteError(err, 'vigie.db')?.message; // 'Database file vigie.db is not a SQLite database — …'
 */
export function describeSqliteError(error: unknown, file: string): AppError | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  const code = error.code;
  const reason = REASONS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  if (!reason) return undefined;
  return databaseUnavailable(file, reason[1], reason[2], code);
}

export function databaseUnavailable(file: string, en: string, fr: string, code: string): AppError {
  return new AppError('database_unavailable', `Database file ${file} ${en} — la base ${file} ${fr}`, [
    { field: 'file', message: code },
  ]);
}
