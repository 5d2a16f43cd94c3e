/**
 * Persistence ports for people and access: users, memberships (a user's role in a workspace),
 * sessions, API tokens, one-time tokens (setup link, password reset, invitation), login attempts
 * and the audit log. Implemented once in packages/store for SQLite and PostgreSQL.
 *
 * Secrets are never stored: sessions, API tokens and one-time tokens are kept as the SHA-256 of
 * the value handed out (`tokenHash`, hex); passwords as scrypt hashes. The caller hashes.
 */
import type { Role } from './roles';

export interface User {
  id: string;
  /** Lower-cased, trimmed; unique across the instance. */
  email: string;
  name: string;
  /** `fr` or `en`: e-mails and the interface. */
  locale: 'fr' | 'en';
  /** scrypt hash; absent for a user who only signs in through OIDC or has not accepted an invitation. */
  passwordHash?: string;
  createdAt: string;
  disabledAt?: string;
}

export interface Membership {
  workspaceId: string;
  userId: string;
  role: Role;
  createdAt: string;
}

export interface Session {
  id: string;
  userId: string;
  /** The workspace the session acts on when the request does not name one. */
  workspaceId: string;
  /** Synchronizer token for CSRF: every unsafe cookie-authenticated request must echo it. */
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  /** Idle and absolute expiry folded into one instant, moved forward on use (never past `absoluteExpiresAt`). */
  expiresAt: string;
  absoluteExpiresAt: string;
  userAgent?: string;
  ip?: string;
}

export interface ApiToken {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  /** First characters of the token, shown so a user can tell tokens apart (never enough to use it). */
  prefix: string;
  /** User who created it; absent when created from the CLI on the server itself. */
  createdBy?: string;
  createdAt: string;
  lastUsedAt?: string;
  expiresAt?: string;
  revokedAt?: string;
}

export type OneTimeTokenKind = 'setup' | 'password_reset' | 'invitation';

export interface OneTimeToken {
  id: string;
  kind: OneTimeTokenKind;
  userId?: string;
  email?: string;
  workspaceId?: string;
  role?: Role;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
}

/** Who did something: a signed-in user, an API token, the CLI on the server, or Vigie itself. */
export interface AuditActor {
  kind: 'user' | 'token' | 'cli' | 'system';
  id?: string;
  /** E-mail, token name… — what a reader recognises; never a secret. */
  label: string;
}

export interface AuditEntry {
  id: string;
  /** Absent for instance-wide events (login, setup). */
  workspaceId?: string;
  at: string;
  actor: AuditActor;
  /** Dotted verb, e.g. `session.login`, `token.create`, `source.update`, `data.erase_author`. */
  action: string;
  /** What it acted on, e.g. `source:abc`, `user:alice@example.com`. */
  target?: string;
  ip?: string;
  /** Extra facts; never passwords, tokens or message content. */
  details?: Record<string, unknown>;
}

export interface UserRepository {
  /** Throws AppError('conflict') when the e-mail is taken. */
  create(input: { email: string; name: string; locale?: 'fr' | 'en'; passwordHash?: string }): Promise<User>;
  get(id: string): Promise<User | undefined>;
  getByEmail(email: string): Promise<User | undefined>;
  count(): Promise<number>;
  update(id: string, patch: Partial<Pick<User, 'name' | 'locale' | 'passwordHash' | 'disabledAt'>>): Promise<User | undefined>;
  delete(id: string): Promise<boolean>;
}

export interface MembershipRepository {
  /** Adds or changes the role. */
  set(workspaceId: string, userId: string, role: Role): Promise<Membership>;
  get(workspaceId: string, userId: string): Promise<Membership | undefined>;
  /** Members of a workspace with their user record, by e-mail. */
  listByWorkspace(workspaceId: string): Promise<(Membership & { user: User })[]>;
  /** The workspaces a user belongs to, oldest membership first. */
  listByUser(userId: string): Promise<Membership[]>;
  remove(workspaceId: string, userId: string): Promise<boolean>;
  countOwners(workspaceId: string): Promise<number>;
}

export interface SessionRepository {
  create(tokenHash: string, session: Omit<Session, 'id'>): Promise<Session>;
  /** The live session for this token hash (expired ones are not returned). */
  findLive(tokenHash: string, now: Date): Promise<Session | undefined>;
  touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  setWorkspace(id: string, workspaceId: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** Signs a user out everywhere (password change, removal, disable). Returns how many. */
  deleteByUser(userId: string): Promise<number>;
  deleteExpired(now: Date): Promise<number>;
}

export interface ApiTokenRepository {
  create(tokenHash: string, token: Omit<ApiToken, 'id' | 'lastUsedAt' | 'revokedAt'>): Promise<ApiToken>;
  /** The token for this hash if it is neither revoked nor expired. */
  findLive(tokenHash: string, now: Date): Promise<ApiToken | undefined>;
  list(workspaceId: string): Promise<ApiToken[]>;
  revoke(workspaceId: string, id: string, at: string): Promise<boolean>;
  markUsed(id: string, at: string): Promise<void>;
}

export interface OneTimeTokenRepository {
  create(tokenHash: string, token: Omit<OneTimeToken, 'id' | 'usedAt'>): Promise<OneTimeToken>;
  /**
   * Marks the token used and returns it, atomically — only if it exists, has this kind, is not
   * used and not expired. A second call with the same hash returns undefined.
   */
  consume(tokenHash: string, kind: OneTimeTokenKind, now: Date): Promise<OneTimeToken | undefined>;
  /** Looks without consuming (to show the form behind a link). */
  peek(tokenHash: string, kind: OneTimeTokenKind, now: Date): Promise<OneTimeToken | undefined>;
  /** Removes unused tokens of a kind (e.g. earlier setup links when a new one is printed). */
  deleteKind(kind: OneTimeTokenKind, filter?: { userId?: string; email?: string }): Promise<number>;
}

/**
 * Failed sign-ins counted per key (the SHA-256 of the lower-cased e-mail, whether or not such a
 * user exists, so a lockout reveals nothing) for lockout after repeated failures.
 */
export interface LoginAttemptRepository {
  /** Records one failure and returns the failures within the window ending now. */
  recordFailure(key: string, at: Date, windowMs: number): Promise<number>;
  failuresSince(key: string, since: Date): Promise<number>;
  clear(key: string): Promise<void>;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  since?: string;
  until?: string;
}

export interface AuditLogRepository {
  append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** Newest first, cursor-paginated. */
  list(workspaceId: string, filter: AuditFilter, page: { limit: number; cursor?: string }): Promise<{ items: AuditEntry[]; nextCursor: string | null }>;
}
