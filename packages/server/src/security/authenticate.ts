/**
 * The one gate in front of /api (docs/security.md). For every request: look it up in
 * ROUTE_PERMISSIONS (no entry → 404), then unless public: resolve the caller from the
 * `Authorization: Bearer vgt_…` header or the `vigie_session` cookie (401 otherwise), check CSRF
 * for cookie requests that change something, resolve the workspace (404 when not a member), count
 * the request against the caller's rate limit, check the role holds the permission (403), and set
 * `c.var.workspaceId`, `c.var.principal`, `c.var.caller` and `c.var.actor` for the routes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError, roleAllows, type AuditActor } from '@vigie/core';
import type { Config } from '../config';
import type { AppEnv, Caller } from '../http/app-env';
import type { IdentityService } from '../services/identity-service';
import { IDENTITY_LIMITS } from '../services/identity-common';
import { createRouteAccess } from './route-access';

export const SESSION_COOKIE = 'vigie_session';
export const CSRF_HEADER = 'X-CSRF-Token';
export const WORKSPACE_HEADER = 'X-Vigie-Workspace';
/** One message whatever the reason (no credential, unknown, expired, revoked): nothing to learn from it. */
export const UNAUTHENTICATED = 'sign in, or give a valid API token / connectez-vous ou fournissez un jeton d’API valide';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ANONYMOUS: AuditActor = { kind: 'system', label: 'anonymous' };

type AuthConfig = Pick<Config, 'publicUrl' | 'trustProxy'>;

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The caller's address: the socket's, or behind a trusted reverse proxy the last X-Forwarded-For hop. */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded;
  }
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

function isHttps(c: Context, config: AuthConfig): boolean {
  if (config.publicUrl.startsWith('https:')) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return config.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over https, kept at most the absolute session life. */
export function setSessionCookie(c: Context, secret: string, config: AuthConfig): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(c, config),
    maxAge: Math.floor(IDENTITY_LIMITS.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(c: Context, config: AuthConfig): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isHttps(c, config) });
}

export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A cross-site page may make a browser send the cookie, but it cannot forge Origin: refuse one that is not ours. */
function checkOrigin(c: Context, config: AuthConfig): void {
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  const own = new Set([new URL(c.req.url).origin, new URL(config.publicUrl).origin]);
  if (config.trustProxy) {
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    if (host && proto) own.add(`${proto}://${host}`);
  }
  if (!own.has(origin)) {
    throw new AppError('forbidden', 'cross-site request refused: Origin is not this server (behind a proxy, set VIGIE_PUBLIC_URL to the address you open) / requête intersite refusée');
  }
}

/**
 * @example
 * app.use('/api/*', authenticate({ identity: vigie.identity, config: vigie.config }));
 */
export function authenticate(deps: { identity: IdentityService; config: AuthConfig }): MiddlewareHandler<AppEnv> {
  const lookup = createRouteAccess();
  return async (c, next) => {
    c.set('clientIp', clientIp(c, deps.config.trustProxy));
    c.set('actor', ANONYMOUS);
    c.set('workspaceId', '');
    const rule = lookup(c.req.method, c.req.path);
    if (!rule) throw new AppError('not_found', 'no such API route');
    const unsafe = UNSAFE.has(c.req.method);

    if (rule.access === 'public') {
      // Sign-in forms: no cross-site sign-in into someone else's account (login CSRF).
      if (unsafe && c.req.path.startsWith('/api/auth/')) checkOrigin(c, deps.config);
      await next();
      return;
    }

    const authorization = c.req.header('authorization');
    // A live stream (EventSource) or a download link cannot send headers: GET may name the workspace as `?workspace=`.
    const requested = c.req.header(WORKSPACE_HEADER)?.trim() || (c.req.method === 'GET' ? c.req.query('workspace')?.trim() : undefined) || undefined;
    let caller: Caller | undefined;
    let byCookie = false;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      caller = match?.[1] ? await deps.identity.resolveToken(match[1], requested) : undefined;
    } else {
      const secret = sessionCookie(c);
      if (secret) {
        byCookie = true;
        caller = await deps.identity.resolveSession(secret, requested);
      }
    }
    if (!caller) throw new AppError('unauthenticated', UNAUTHENTICATED);

    if (byCookie && unsafe) {
      checkOrigin(c, deps.config);
      const sent = c.req.header(CSRF_HEADER);
      if (!sent || !caller.session || !sameSecret(sent, caller.session.csrfToken)) throw new AppError('forbidden', 'missing or wrong CSRF token / jeton CSRF absent ou incorrect');
    }

    const { principal } = caller;
    const limit = deps.identity.limits.api.hit(principal.kind === 'token' ? `token:${principal.tokenId}` : `user:${principal.userId}`);
    if (!limit.allowed) throw new AppError('rate_limited', 'too many requests; slow down / trop de requêtes ; ralentissez', [], limit.retryAfterMs);

    if (rule.access !== 'signed-in' && !roleAllows(principal.role, rule.access)) {
      throw new AppError('forbidden', `this needs the "${rule.access}" permission, which the ${principal.role} role does not have / il faut la permission « ${rule.access} »`, [{ message: `permission: ${rule.access}` }]);
    }

    c.set('workspaceId', principal.workspaceId);
    c.set('principal', principal);
    c.set('caller', caller);
    c.set('actor', caller.actor);
    await next();
  };
}
