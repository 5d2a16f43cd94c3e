import type { ApiToken, AuditActor, Role, Session, User } from '@vigie/core';
import type { Vigie } from '../create-vigie';

/** Who is calling: a signed-in person (session cookie) or an API token, with the role it holds in the request's workspace. */
export interface Principal {
  kind: 'session' | 'token';
  /** The person (sessions always; tokens when a person created them). */
  userId?: string;
  tokenId?: string;
  sessionId?: string;
  role: Role;
  workspaceId: string;
}

/** A caller resolved from a credential: the principal and the records behind it. */
export interface Caller {
  principal: Principal;
  actor: AuditActor;
  session?: Session;
  token?: ApiToken;
  user?: User;
}

/** Per-request variables, set by the auth middleware (security/authenticate.ts) before any route runs. */
export interface AppEnv {
  Variables: {
    /** The workspace the request acts on (every store call is scoped by it). */
    workspaceId: string;
    /** The caller; absent on public routes. */
    principal?: Principal;
    /** The principal with its session or token record (absent on public routes). */
    caller?: Caller;
    /** Who the audit log names for what this request does. */
    actor: AuditActor;
    /** The caller's address (for the audit log and the sign-in rate limit). */
    clientIp: string;
  };
}

/** What routes may use: the composed services. */
export type AppDeps = Vigie;
