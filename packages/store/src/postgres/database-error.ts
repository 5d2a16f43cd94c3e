import { AppError } from '@vigie/core';

// Node socket codes and PostgreSQL SQLSTATEs (appendix A of the PostgreSQL manual) that mean
// "this server cannot be used", each with a one-line reason in English and French.
const REASONS: Record<string, [en: string, fr: string]> = {
  ECONNREFUSED: ['nothing listens there (is PostgreSQL started?)', "rien n'écoute à cette adresse (PostgreSQL est-il démarré ?)"],
  ENOTFOUND: ['the host name does not resolve', "le nom d'hôte est introuvable"],
  EAI_AGAIN: ['the host name does not resolve', "le nom d'hôte est introuvable"],
  ETIMEDOUT: ['the connection timed out', 'la connexion a expiré'],
  ECONNRESET: ['the server closed the connection', 'le serveur a fermé la connexion'],
  EHOSTUNREACH: ['the host is unreachable', "l'hôte est injoignable"],
  '3D000': ['the database does not exist', "la base n'existe pas"],
  '28P01': ['authentication failed', "l'authentification a échoué"],
  '28000': ['this user may not connect', "cet utilisateur n'a pas le droit de se connecter"],
  '53300': ['the server has too many connections', 'le serveur a trop de connexions'],
  '57P03': ['the server is starting up or shutting down', 'le serveur démarre ou s’arrête'],
  '57P01': ['the server was shut down', 'le serveur a été arrêté'],
  '42501': ['this user lacks a privilege the schema needs (e.g. CREATE EXTENSION unaccent)', "cet utilisateur n'a pas un droit requis (par ex. CREATE EXTENSION unaccent)"],
};

function codeOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  // Node reports a refused dual-stack connect as an AggregateError of per-address errors.
  if (error instanceof AggregateError) return error.errors.map(codeOf).find((code) => code !== undefined);
  return undefined;
}

/** host:port/database of a connection URL, never its password. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
  } catch {
    return '(unparsable URL / URL illisible)';
  }
}

/**
 * One clear line for a PostgreSQL error meaning "this server cannot be used". While connecting,
 * any failure qualifies (a pool timeout has no code); afterwards only the listed codes do.
 *
 * @example
 * describePostgresError(err, 'postgres://u:secret@db:5432/vigie', 'connect')?.message;
 * // 'Cannot connect to PostgreSQL at db:5432/vigie: nothing listens there … — …'
 */
export function describePostgresError(error: unknown, url: string, phase: 'connect' | 'use'): AppError | undefined {
  const code = codeOf(error);
  const known = code === undefined ? undefined : REASONS[code];
  if (!known && phase === 'use') return undefined;
  const target = describeTarget(url);
  const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const [en, fr] = known ?? [detail, detail];
  return new AppError('database_unavailable', `Cannot connect to PostgreSQL at ${target}: ${en} — impossible d'utiliser PostgreSQL à ${target} : ${fr}`, [
    { field: 'url', message: code ?? detail },
  ]);
}
