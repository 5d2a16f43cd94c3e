/**
 * Sessions of Bluesky accounts, reused. bsky.social allows about 100 `createSession` a day per
 * account (https://docs.bsky.app/docs/advanced-guides/rate-limits), so signing in at every reply or
 * poll would lock the account out: a session is created once per account and kept in memory
 * (never stored, never logged); when its access token is refused (`ExpiredToken` after about two
 * hours), it is renewed with `com.atproto.server.refreshSession`
 * (https://docs.bsky.app/docs/api/com-atproto-server-refresh-session), and only when that fails
 * (refresh token expired or revoked, any error) is the account signed in again (`com.atproto.server.createSession`,
 * https://docs.bsky.app/docs/api/com-atproto-server-create-session). A wrong app password stays
 * `auth_expired`: the server then marks the account `needs_reauth`.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ConnectorContext } from '../connector';
import { ConnectorError, isConnectorError } from '../connector-error';
import { postXrpc } from './api';
import { serviceOf, type BlueskyAccountConfig } from './config';

const sessionAnswer = z.object({ did: z.string().startsWith('did:'), handle: z.string().min(1), accessJwt: z.string().min(1), refreshJwt: z.string().min(1) });

export type BlueskySession = z.infer<typeof sessionAnswer>;

/** Accounts whose session is kept at most (the oldest is forgotten first). */
const MAX_SESSIONS = 200;
const sessions = new Map<string, Promise<BlueskySession>>();

/** One entry per service, identifier and app password (a new app password is a new session). */
function keyOf(account: BlueskyAccountConfig): string {
  const password = createHash('sha256').update(account.appPassword).digest('hex');
  return `${serviceOf(account)}\n${account.identifier.toLowerCase()}\n${password}`;
}

function readSession(json: unknown, base: string, method: string): BlueskySession {
  const parsed = sessionAnswer.safeParse(json);
  if (!parsed.success) throw new ConnectorError('invalid_payload', `${base}/xrpc/${method} did not return a session`);
  return parsed.data;
}

async function createSession(ctx: ConnectorContext, account: BlueskyAccountConfig): Promise<BlueskySession> {
  const base = serviceOf(account);
  const method = 'com.atproto.server.createSession';
  return readSession(await postXrpc(ctx, base, method, { identifier: account.identifier, password: account.appPassword }), base, method);
}

async function refreshSession(ctx: ConnectorContext, account: BlueskyAccountConfig, refreshJwt: string): Promise<BlueskySession> {
  const base = serviceOf(account);
  const method = 'com.atproto.server.refreshSession';
  return readSession(await postXrpc(ctx, base, method, undefined, refreshJwt), base, method);
}

function keep(key: string, session: Promise<BlueskySession>): Promise<BlueskySession> {
  sessions.delete(key);
  if (sessions.size >= MAX_SESSIONS) {
    const oldest = sessions.keys().next().value;
    if (oldest !== undefined) sessions.delete(oldest);
  }
  sessions.set(key, session);
  // A failed sign-in is not kept: the next call tries again.
  void session.then(
    () => undefined,
    () => {
      if (sessions.get(key) === session) sessions.delete(key);
    },
  );
  return session;
}

const refused = (error: unknown): boolean => isConnectorError(error) && error.code === 'auth_expired';

/**
 * Runs `use` with the account's session: the kept one, else a new one. When the kept session's
 * access token is refused, the session is refreshed (or, if that fails, created again) and `use`
 * runs once more. A refusal right after signing in is thrown as is (`auth_expired`).
 *
 * @example
 * const feed = await withSession(ctx, account, (session) => getXrpc(ctx, serviceOf(account), 'app.bsky.notification.listNotifications', {}, session.accessJwt));
 */
export async function withSession<T>(ctx: ConnectorContext, account: BlueskyAccountConfig, use: (session: BlueskySession) => Promise<T>): Promise<T> {
  const key = keyOf(account);
  const kept = sessions.get(key);
  const current = await (kept ?? keep(key, createSession(ctx, account)));
  try {
    return await use(current);
  } catch (error) {
    if (kept === undefined || !refused(error)) throw error;
  }
  // Another call may have renewed it meanwhile: use that one.
  const latest = sessions.get(key);
  const renewed =
    latest !== undefined && latest !== kept
      ? latest
      : keep(
          key,
          refreshSession(ctx, account, current.refreshJwt).catch((error: unknown) => {
            ctx.log('info', `the Bluesky session could not be refreshed (${isConnectorError(error) ? error.code : 'error'}); signing in again`);
            return createSession(ctx, account);
          }),
        );
  return use(await renewed);
}

/** Forgets every kept session (tests; an account's app password changed). */
export function forgetBlueskySessions(): void {
  sessions.clear();
}
