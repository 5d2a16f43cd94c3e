/**
 * Sign-in and sessions (docs/security.md): password and verified sign-in, sessions and who is
 * asking, the first owner, password reset, invitations and lockout. Workspaces, members and API
 * tokens are the team service's (team-service.ts); both share identity-common.ts.
 */
import { AppError, PERMISSIONS, roleAllows, type AuditActor, type AuditEntry, type Membership, type Role, type Session, type User, type Workspace } from '@vigie/core';
import type { Caller } from '../http/app-env';
import { passwordResetMail } from '../security/identity-mail';
import { createFirstOwner } from './first-owner';
import { generateToken, hashToken } from '../security/opaque-token';
import { hashPassword, verifyPassword } from '../security/password';
import { checkPasswordPolicy } from '../security/password-policy';
import { createRateLimit } from '../security/rate-limit';
import { BAD_LINK, emailKey, NO_WORKSPACE, SESSIONS_ONLY, IDENTITY_LIMITS, identityTools, iso, normalizeEmail, ROLE_RANK, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS, type IdentityServiceDeps, type RequestContext, type SessionView, type SignedIn } from './identity-common';

/**
 * Unknown e-mails (and accounts without a password) are checked against this hash, so a wrong
 * e-mail costs one scrypt run like a wrong password. Same parameters as password.ts (a test checks).
 */
const DUMMY_HASH = 'scrypt$32768$8$1$PAvQZqnK_nd86lIMFOVxRw$n3eSR9FKkizvXLLyNG3ZZmSxmwoBqVCSDXKYwXok1FI';

/**
 * @example
 * const identity = createIdentityService({ store, log, now, config, audit, defaultWorkspaceId });
 * const { secret, view } = await identity.login(c, { email: 'a@b.example', password: '…' });
 */
export function createIdentityService(deps: IdentityServiceDeps) {
  const { store, log, now, audit } = deps;
  const { clock, link, sendLater, sessionOnly, contextFor, workspaceOrThrow } = identityTools(deps);
  const limits = {
    signInPerIp: createRateLimit({ ...IDENTITY_LIMITS.signInPerIp, now: clock }),
    api: createRateLimit({ ...IDENTITY_LIMITS.apiPerPrincipal, now: clock }),
    resetPerEmail: createRateLimit({ ...IDENTITY_LIMITS.resetPerEmail, now: clock }),
  };

  function limitSignIn(ip: string): void {
    const verdict = limits.signInPerIp.hit(ip);
    if (!verdict.allowed) throw new AppError('rate_limited', TOO_MANY_ATTEMPTS, [], verdict.retryAfterMs);
  }

  function userActor(user: User): AuditActor {
    return { kind: 'user', id: user.id, label: user.email };
  }

  async function openSession(user: User, workspaceId: string, meta: { ip: string; userAgent?: string }): Promise<{ secret: string; session: Session }> {
    const at = clock();
    const secret = generateToken();
    const absolute = at + IDENTITY_LIMITS.sessionAbsoluteMs;
    const session = await store.sessions.create(hashToken(secret), {
      userId: user.id,
      workspaceId,
      csrfToken: generateToken(),
      createdAt: iso(at),
      lastSeenAt: iso(at),
      expiresAt: iso(Math.min(at + IDENTITY_LIMITS.sessionIdleMs, absolute)),
      absoluteExpiresAt: iso(absolute),
      ...(meta.userAgent && { userAgent: meta.userAgent.slice(0, 300) }),
      ...(meta.ip && { ip: meta.ip }),
    });
    return { secret, session };
  }

  async function myWorkspaces(userId: string): Promise<SessionView['workspaces']> {
    const memberships = await store.memberships.listByUser(userId);
    const rows = await Promise.all(memberships.map(async (m) => ({ m, w: await store.workspaces.get(m.workspaceId) })));
    return rows.filter((r): r is { m: Membership; w: Workspace } => r.w !== undefined).map(({ m, w }) => ({ id: w.id, name: w.name, slug: w.slug, role: m.role }));
  }

  async function view(caller: Caller): Promise<SessionView> {
    const { principal } = caller;
    const workspace = await workspaceOrThrow(principal.workspaceId);
    const base = {
      workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, isDemo: workspace.isDemo },
      role: principal.role,
      permissions: PERMISSIONS.filter((p) => roleAllows(principal.role, p)),
    };
    if (principal.kind === 'token' && caller.token) {
      const t = caller.token;
      return { ...base, user: null, token: { id: t.id, name: t.name, prefix: t.prefix }, csrfToken: null, workspaces: [{ id: workspace.id, name: workspace.name, slug: workspace.slug, role: principal.role }], via: 'token' };
    }
    const user = caller.user ?? (principal.userId ? await store.users.get(principal.userId) : undefined);
    if (!user || !caller.session) throw new AppError('unauthenticated', 'sign in first');
    return {
      ...base,
      user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
      token: null,
      csrfToken: caller.session.csrfToken,
      workspaces: await myWorkspaces(user.id),
      via: 'session',
    };
  }

  async function signIn(user: User, workspaceId: string, role: Role, meta: { ip: string; userAgent?: string }): Promise<SignedIn> {
    const { secret, session } = await openSession(user, workspaceId, meta);
    const caller: Caller = { principal: { kind: 'session', userId: user.id, sessionId: session.id, role, workspaceId }, actor: userActor(user), session, user };
    return { secret, session, view: await view(caller) };
  }

  /** The membership to sign a user into: the preferred workspace if still a member, else the oldest. */
  async function landingMembership(userId: string, preferred?: string): Promise<Membership | undefined> {
    if (preferred) {
      const m = await store.memberships.get(preferred, userId);
      if (m) return m;
    }
    return (await store.memberships.listByUser(userId))[0];
  }

  return {
    limits,

    /** A session cookie's caller; undefined when the cookie is unknown, expired, or its person disabled or in no workspace. */
    async resolveSession(secret: string, requestedWorkspace?: string): Promise<Caller | undefined> {
      const at = clock();
      const session = await store.sessions.findLive(hashToken(secret), new Date(at));
      if (!session) return undefined;
      const user = await store.users.get(session.userId);
      if (!user || user.disabledAt) return undefined;
      let membership: Membership | undefined;
      if (requestedWorkspace) {
        membership = await store.memberships.get(requestedWorkspace, user.id);
        if (!membership) throw new AppError('not_found', NO_WORKSPACE);
      } else {
        membership = await landingMembership(user.id, session.workspaceId);
        if (!membership) return undefined;
        if (membership.workspaceId !== session.workspaceId) {
          await store.sessions.setWorkspace(session.id, membership.workspaceId);
          session.workspaceId = membership.workspaceId;
        }
      }
      if (at - Date.parse(session.lastSeenAt) >= IDENTITY_LIMITS.touchEveryMs) {
        const expiresAt = iso(Math.min(at + IDENTITY_LIMITS.sessionIdleMs, Date.parse(session.absoluteExpiresAt)));
        await store.sessions.touch(session.id, iso(at), expiresAt);
        session.lastSeenAt = iso(at);
        session.expiresAt = expiresAt;
      }
      return {
        principal: { kind: 'session', userId: user.id, sessionId: session.id, role: membership.role, workspaceId: membership.workspaceId },
        actor: userActor(user),
        session,
        user,
      };
    },

    /**
     * An API token's caller; undefined when unknown, revoked or expired, or when the person who
     * created it left the workspace or was disabled. Its role never exceeds its creator's current role.
     */
    async resolveToken(secret: string, requestedWorkspace?: string): Promise<Caller | undefined> {
      if (!/^vgt_[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
      const at = clock();
      const token = await store.apiTokens.findLive(hashToken(secret), new Date(at));
      if (!token) return undefined;
      if (requestedWorkspace && requestedWorkspace !== token.workspaceId) throw new AppError('not_found', NO_WORKSPACE);
      let role = token.role;
      if (token.createdBy) {
        const [creator, membership] = await Promise.all([store.users.get(token.createdBy), store.memberships.get(token.workspaceId, token.createdBy)]);
        if (!creator || creator.disabledAt || !membership) return undefined;
        if (ROLE_RANK[membership.role] < ROLE_RANK[role]) role = membership.role;
      }
      if (!token.lastUsedAt || at - Date.parse(token.lastUsedAt) >= IDENTITY_LIMITS.touchEveryMs) {
        await store.apiTokens.markUsed(token.id, iso(at));
      }
      return {
        principal: { kind: 'token', tokenId: token.id, ...(token.createdBy && { userId: token.createdBy }), role, workspaceId: token.workspaceId },
        actor: { kind: 'token', id: token.id, label: `${token.name} (${token.prefix}…)` },
        token,
      };
    },

    view,

    async login(c: RequestContext, input: { email: string; password: string; userAgent?: string; previousSessionSecret?: string }): Promise<SignedIn> {
      limitSignIn(c.var.clientIp);
      const at = clock();
      const key = emailKey(input.email);
      const { failures, windowMs } = IDENTITY_LIMITS.lockout;
      if ((await store.loginAttempts.failuresSince(key, new Date(at - windowMs))) >= failures) {
        throw new AppError('rate_limited', TOO_MANY_ATTEMPTS, [], windowMs);
      }
      const user = await store.users.getByEmail(normalizeEmail(input.email));
      const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !user.passwordHash || !matches || user.disabledAt) {
        await store.loginAttempts.recordFailure(key, new Date(at), windowMs);
        await audit(contextFor(c, undefined), 'session.login_failed', user ? `user:${user.id}` : undefined);
        throw new AppError('unauthenticated', WRONG_CREDENTIALS);
      }
      const membership = await landingMembership(user.id);
      if (!membership) throw new AppError('forbidden', 'this account belongs to no workspace; ask an owner to invite you / ce compte n’appartient à aucun espace ; demandez une invitation à un propriétaire');
      await store.loginAttempts.clear(key);
      // Rotation: whatever session the browser had is ended, the sign-in gets a new one.
      if (input.previousSessionSecret) {
        const previous = await store.sessions.findLive(hashToken(input.previousSessionSecret), new Date(at));
        if (previous) await store.sessions.delete(previous.id);
      }
      const signedIn = await signIn(user, membership.workspaceId, membership.role, { ip: c.var.clientIp, userAgent: input.userAgent });
      await audit(contextFor(c, membership.workspaceId, userActor(user)), 'session.login');
      return signedIn;
    },

    /**
     * Signs in a person an identity provider vouched for (OIDC, services/oidc-service.ts): the same
     * session, rotation and `session.login` audit entry as a password sign-in, with `details.method`.
     * Throws forbidden when the account is disabled or belongs to no workspace.
     */
    async signInVerified(c: RequestContext, user: User, input: { method: 'oidc'; userAgent?: string; previousSessionSecret?: string }): Promise<SignedIn> {
      limitSignIn(c.var.clientIp);
      if (user.disabledAt) throw new AppError('forbidden', 'this account is disabled / ce compte est désactivé', [{ message: 'disabled' }]);
      const membership = await landingMembership(user.id);
      if (!membership) throw new AppError('forbidden', 'this account belongs to no workspace; ask an owner to invite you / ce compte n’appartient à aucun espace ; demandez une invitation à un propriétaire', [{ message: 'no_workspace' }]);
      if (input.previousSessionSecret) {
        const previous = await store.sessions.findLive(hashToken(input.previousSessionSecret), now());
        if (previous) await store.sessions.delete(previous.id);
      }
      const signedIn = await signIn(user, membership.workspaceId, membership.role, { ip: c.var.clientIp, userAgent: input.userAgent });
      await audit(contextFor(c, membership.workspaceId, userActor(user)), 'session.login', undefined, { method: input.method });
      return signedIn;
    },

    async logout(c: RequestContext): Promise<void> {
      const p = c.var.principal;
      if (p?.kind !== 'session' || !p.sessionId) return;
      await store.sessions.delete(p.sessionId);
      await audit(c, 'session.logout');
    },

    /** Deletes expired sessions (they are refused anyway; this keeps the table small). */
    async purgeExpired(): Promise<number> {
      return store.sessions.deleteExpired(now());
    },

    async setupNeeded(): Promise<boolean> {
      return (await store.users.count()) === 0;
    },

    /** While nobody has an account: a fresh one-day setup link (earlier ones stop working). */
    async createSetupLink(): Promise<string | undefined> {
      if ((await store.users.count()) > 0) return undefined;
      await store.oneTimeTokens.deleteKind('setup');
      const secret = generateToken();
      const at = clock();
      await store.oneTimeTokens.create(hashToken(secret), { kind: 'setup', createdAt: iso(at), expiresAt: iso(at + IDENTITY_LIMITS.setupLinkMs) });
      return link('setup', secret);
    },

    async setup(c: RequestContext, input: { token: string; email: string; name: string; password: string; locale?: 'fr' | 'en'; userAgent?: string }): Promise<SignedIn> {
      limitSignIn(c.var.clientIp);
      const email = normalizeEmail(input.email);
      checkPasswordPolicy(input.password, email);
      if ((await store.users.count()) > 0) throw new AppError('conflict', 'the owner account already exists; sign in / le compte propriétaire existe déjà ; connectez-vous');
      const token = await store.oneTimeTokens.consume(hashToken(input.token), 'setup', now());
      if (!token) throw new AppError('not_found', BAD_LINK);
      const { user, workspaces } = await createFirstOwner(store, { email, name: input.name, password: input.password, locale: input.locale ?? 'en' });
      const home = workspaces.find((w) => w.id === deps.defaultWorkspaceId) ?? workspaces[0];
      if (!home) throw new AppError('internal', 'no workspace to own');
      const signedIn = await signIn(user, home.id, 'owner', { ip: c.var.clientIp, userAgent: input.userAgent });
      await audit(contextFor(c, home.id, userActor(user)), 'setup.owner_created', `user:${user.id}`, { workspaces: workspaces.length });
      return signedIn;
    },

    /** Always succeeds from the outside: whether the e-mail exists is never revealed. */
    async requestPasswordReset(c: RequestContext, rawEmail: string): Promise<void> {
      limitSignIn(c.var.clientIp);
      const email = normalizeEmail(rawEmail);
      if (!limits.resetPerEmail.hit(emailKey(email)).allowed) return;
      const user = await store.users.getByEmail(email);
      if (!user || user.disabledAt) return;
      await store.oneTimeTokens.deleteKind('password_reset', { userId: user.id });
      const secret = generateToken();
      const at = clock();
      await store.oneTimeTokens.create(hashToken(secret), { kind: 'password_reset', userId: user.id, email: user.email, createdAt: iso(at), expiresAt: iso(at + IDENTITY_LIMITS.resetLinkMs) });
      if (!deps.mailer) log.warn('a password reset was asked but no SMTP server is configured (VIGIE_SMTP_URL): no e-mail sent');
      sendLater(passwordResetMail(user.email, user.locale, link('reset', secret)), 'password reset');
      await audit(contextFor(c, undefined, userActor(user)), 'password_reset.requested', `user:${user.id}`);
    },

    async confirmPasswordReset(c: RequestContext, input: { token: string; password: string }): Promise<void> {
      limitSignIn(c.var.clientIp);
      const hash = hashToken(input.token);
      const peeked = await store.oneTimeTokens.peek(hash, 'password_reset', now());
      const user = peeked?.userId ? await store.users.get(peeked.userId) : undefined;
      if (!peeked || !user) throw new AppError('not_found', BAD_LINK);
      checkPasswordPolicy(input.password, user.email);
      if (!(await store.oneTimeTokens.consume(hash, 'password_reset', now()))) throw new AppError('not_found', BAD_LINK);
      await store.users.update(user.id, { passwordHash: await hashPassword(input.password) });
      await store.sessions.deleteByUser(user.id);
      await store.loginAttempts.clear(emailKey(user.email));
      await audit(contextFor(c, undefined, userActor(user)), 'password_reset.completed', `user:${user.id}`);
    },

    async changePassword(c: RequestContext, input: { currentPassword: string; newPassword: string; userAgent?: string }): Promise<SignedIn> {
      const p = sessionOnly(c);
      limitSignIn(c.var.clientIp);
      const user = await store.users.get(p.userId);
      if (!user) throw new AppError('unauthenticated', 'sign in first');
      if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw new AppError('validation_failed', 'The current password is wrong / Le mot de passe actuel est incorrect', [{ field: 'currentPassword', message: 'wrong password / mot de passe incorrect' }]);
      }
      checkPasswordPolicy(input.newPassword, user.email, 'newPassword');
      await store.users.update(user.id, { passwordHash: await hashPassword(input.newPassword) });
      // Every other session ends; this one is replaced by a new one (rotation).
      await store.sessions.deleteByUser(user.id);
      const signedIn = await signIn(user, p.workspaceId, p.role, { ip: c.var.clientIp, userAgent: input.userAgent });
      await audit(c, 'session.password_changed', `user:${user.id}`);
      return signedIn;
    },

    async switchWorkspace(c: RequestContext, workspaceId: string): Promise<SessionView> {
      const p = sessionOnly(c);
      const membership = await store.memberships.get(workspaceId, p.userId);
      if (!membership) throw new AppError('not_found', NO_WORKSPACE);
      const session = c.var.caller?.session;
      if (!session) throw new AppError('forbidden', SESSIONS_ONLY);
      await store.sessions.setWorkspace(p.sessionId, workspaceId);
      return view({ principal: { ...p, role: membership.role, workspaceId }, actor: c.var.actor, user: c.var.caller?.user, session: { ...session, workspaceId } });
    },

    async invitation(token: string): Promise<{ email: string; workspaceName: string }> {
      const peeked = await store.oneTimeTokens.peek(hashToken(token), 'invitation', now());
      const workspace = peeked?.workspaceId ? await store.workspaces.get(peeked.workspaceId) : undefined;
      if (!peeked?.email || !workspace) throw new AppError('not_found', BAD_LINK);
      return { email: peeked.email, workspaceName: workspace.name };
    },

    async acceptInvitation(c: RequestContext, input: { token: string; name: string; password: string; userAgent?: string }): Promise<SignedIn> {
      limitSignIn(c.var.clientIp);
      const hash = hashToken(input.token);
      const peeked = await store.oneTimeTokens.peek(hash, 'invitation', now());
      const user = peeked?.userId ? await store.users.get(peeked.userId) : undefined;
      if (!peeked || !user || user.disabledAt) throw new AppError('not_found', BAD_LINK);
      checkPasswordPolicy(input.password, user.email);
      // Removed from the workspace since: the link stays unused and changes nothing.
      const membership = await landingMembership(user.id, peeked.workspaceId);
      if (!membership) throw new AppError('not_found', 'this invitation was withdrawn / cette invitation a été retirée');
      if (!(await store.oneTimeTokens.consume(hash, 'invitation', now()))) throw new AppError('not_found', BAD_LINK);
      await store.users.update(user.id, { name: input.name, passwordHash: await hashPassword(input.password) });
      await store.sessions.deleteByUser(user.id);
      const signedIn = await signIn({ ...user, name: input.name }, membership.workspaceId, membership.role, { ip: c.var.clientIp, userAgent: input.userAgent });
      await audit(contextFor(c, membership.workspaceId, userActor(user)), 'session.login', `user:${user.id}`, { via: 'invitation' });
      return signedIn;
    },

    // ── audit log ─────────────────────────────────────────────────────────────

    listAudit: (workspaceId: string, filter: { action?: string; since?: string; until?: string }, page: { limit: number; cursor?: string }): Promise<{ items: AuditEntry[]; nextCursor: string | null }> =>
      store.audit.list(workspaceId, filter, page),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
