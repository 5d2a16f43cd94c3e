import { AppError } from '@vigie/core';

/** Position after the last item of a page, in the list order (publishedAt desc, id desc). */
export interface CursorPosition {
  publishedAt: string;
  id: string;
}

/**
 * Opaque for callers: base64url of a small JSON array. Keyset, not offset, so rows inserted
 * while someone pages neither repeat nor shift items between pages.
 *
 * @example
 * decodeCursor(encodeCursor({ publishedAt: '2026-11-20T10:00:00.000Z', id: 'a' })); // same position
 */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.publishedAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw invalidCursor(error instanceof Error ? error.message : String(error));
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
    throw invalidCursor('unexpected shape');
  }
  if (Number.isNaN(Date.parse(parsed[0]))) throw invalidCursor('bad date');
  return { publishedAt: new Date(parsed[0]).toISOString(), id: parsed[1] };
}

function invalidCursor(reason: string): AppError {
  return new AppError('validation_failed', `Invalid page cursor (${reason})`, [
    { field: 'cursor', message: 'invalid cursor; start again from the first page / curseur invalide ; repartir de la première page' },
  ]);
}
