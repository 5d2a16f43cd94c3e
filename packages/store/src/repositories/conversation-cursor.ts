import { AppError } from '@vigie/core';

/**
 * Position after the last conversation of a page. Most views sort by (priority desc, last
 * activity desc, id desc) and `at` is the last activity; the overdue view sorts by (due date asc,
 * id asc) — most late first — and `at` is the due date (priority unused).
 */
export interface ConversationCursor {
  priority: number;
  at: string;
  id: string;
}

/**
 * Opaque keyset cursor (base64url JSON).
 *
 * @example
 * decodeConversationCursor(encodeConversationCursor({ priority: 50, at: '2026-11-20T10:00:00.000Z', id: 'a' }))
 */
export function encodeConversationCursor(position: ConversationCursor): string {
  return Buffer.from(JSON.stringify([position.priority, position.at, position.id])).toString('base64url');
}

export function decodeConversationCursor(cursor: string): ConversationCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'number' || typeof parsed[1] !== 'string' || typeof parsed[2] !== 'string' || Number.isNaN(Date.parse(parsed[1]))) {
    throw invalid('unexpected shape');
  }
  return { priority: parsed[0], at: new Date(parsed[1]).toISOString(), id: parsed[2] };
}

function invalid(reason: string): AppError {
  return new AppError('validation_failed', `Invalid page cursor (${reason})`, [
    { field: 'cursor', message: 'invalid cursor; start again from the first page / curseur invalide ; repartir de la première page' },
  ]);
}
