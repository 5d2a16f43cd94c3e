/**
 * What the identity and team services share: the figures of docs/security.md, the shapes they
 * answer with, and small helpers (links, e-mails sent without waiting, who is asking, the role cap
 * and the last-owner rule).
 */
import { AppError, type AuditActor, type Membership, type Permission, type Role, type Session, type Store, type Workspace } from '@vigie/core';
import type { Config } from '../config';
import type { Caller, Principal } from '../http/app-env';
import type { Logger } from '../logger';
import type { AuditContext, AuditFn } from '../security/audit';
import type { IdentityMail, IdentityMailer } from '../security/identity-mail';
import { hashToken } from '../security/opaque-token';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The figures of docs/security.md. */
export const IDENTITY_LIMITS = {
  sessionIdleMs: 12 * HOUR,
  sessionAbsoluteMs: 30 * DAY,
  /** Sessions' expiry and tokens' lastUsedAt are written at most this often. */
  touchEveryMs: MINUTE,
  signInPerIp: { limit: 10, windowMs: 15 * MINUTE },
  apiPerPrincipal: { limit: 1200, windowMs: MINUTE },
  resetPerEmail: { limit: 3, windowMs: HOUR },
  lockout: { failures: 5, windowMs: 15 * MINUTE },
  setupLinkMs: DAY,
  resetLinkMs: HOUR,
  invitationMs: 7 * DAY,
  maxTokenDays: 3650,
} as const;

export const ROLE_RANK: Record<Role, number> = { analyst: 0, agent: 1, manager: 2, owner: 3 };

export const WRONG_CREDENTIALS = 'wrong e-mail or password / e-mail ou mot de passe incorrect';
export const TOO_MANY_ATTEMPTS = 'too many sign-in attempts; try again later / trop de tentatives de connexion ; réessayez plus tard';
export const NO_WORKSPACE = 'no such workspace';
export const BAD_LINK = 'this link is not valid: wrong, already used or expired / ce lien n’est pas valide : erroné, déjà utilisé ou expiré';
export const SESSIONS_ONLY = 'only a signed-in person can do this, not an API token / seule une personne connectée peut faire cela, pas un jeton d’API';

/** What a request's context carries for the service: the variables the auth middleware sets. */
export interface RequestContext extends AuditContext {
  var: { workspaceId: string; principal?: Principal; caller?: Caller; actor: AuditActor; clientIp: string };
}

export interface SessionView {
  user: { id: string; email: string; name: string; locale: 'fr' | 'en' } | null;
  token: { id: string; name: string; prefix: string } | null;
  workspace: { id: string; name: string; slug: string; isDemo: boolean };
  role: Role;
  permissions: Permission[];
  csrfToken: string | null;
  workspaces: { id: string; name: string; slug: string; role: Role }[];
  via: 'session' | 'token';
}


/** A fresh session: the cookie value (never stored) and what to answer. */
export interface SignedIn {
  secret: string;
  session: Session;
  view: SessionView;
}

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  /** Invited but has not chosen a password yet. */
  pending: boolean;
}

export interface IdentityServiceDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  config: Pick<Config, 'publicUrl'>;
  audit: AuditFn;
  mailer?: IdentityMailer;
  /** The instance's default workspace, which cannot be deleted. */
  defaultWorkspaceId: string;
}

export function emailKey(email: string): string {
  return hashToken(normalizeEmail(email));
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
    .replace(/^-+|-+$/g, '');
  return slug || 'workspace';
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Helpers bound to the services' dependencies. */
export function identityTools(deps: IdentityServiceDeps) {
  const { store, log, now } = deps;
  const clock = (): number => now().getTime();

  function link(path: string, secret: string): string {
    return `${deps.config.publicUrl}/#/${path}?token=${encodeURIComponent(secret)}`;
  }

  function sendLater(mail: IdentityMail, what: string): void {
    if (!deps.mailer) return;
    // Not awaited: the answer must not take longer when the e-mail exists (no enumeration by timing).
    void deps.mailer.send(mail).catch((error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error), what }, 'could not send the e-mail'));
  }

  function sessionOnly(c: RequestContext): Principal & { userId: string; sessionId: string } {
    const p = c.var.principal;
    if (!p || p.kind !== 'session' || !p.userId || !p.sessionId) throw new AppError('forbidden', SESSIONS_ONLY);
    return p as Principal & { userId: string; sessionId: string };
  }

  /** Nobody grants (to a member or a token) a role above their own. */
  function grantable(role: Role, own: Role, message: string): void {
    if (ROLE_RANK[role] > ROLE_RANK[own]) throw new AppError('forbidden', `${message} (${own})`);
  }

  /** Refuses to take away the last owner of a workspace. */
  async function keepAnOwner(workspaceId: string, leaving: Membership): Promise<void> {
    if (leaving.role === 'owner' && (await store.memberships.countOwners(workspaceId)) <= 1) {
      throw new AppError('conflict', 'a workspace keeps at least one owner / un espace garde au moins un propriétaire');
    }
  }

  function contextFor(c: RequestContext, workspaceId: string | undefined, actor?: AuditActor): AuditContext {
    return { var: { workspaceId, actor: actor ?? c.var.actor, clientIp: c.var.clientIp } };
  }

  async function workspaceOrThrow(id: string): Promise<Workspace> {
    const workspace = await store.workspaces.get(id);
    if (!workspace) throw new AppError('not_found', NO_WORKSPACE);
    return workspace;
  }

  return { clock, link, sendLater, sessionOnly, grantable, keepAnOwner, contextFor, workspaceOrThrow };
}
