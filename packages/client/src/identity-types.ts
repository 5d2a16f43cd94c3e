/**
 * The shapes of the people-and-access API (docs/security.md, docs/api.md): the session, sign-in,
 * first-run setup, invitations, members, API tokens, the audit log and data rights.
 */
import type { ApiToken, AuditEntry, Permission, Role } from '@vigie/core';

/** The signed-in person as the API shows them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
}

/** A workspace the caller belongs to, with the caller's role in it. */
export interface MyWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  isDemo?: boolean;
}

/**
 * `GET /api/session`: who is calling, on which workspace, with which role and permissions.
 * `csrfToken` must be echoed in `X-CSRF-Token` on unsafe requests (null for API tokens).
 */
export interface SessionView {
  /** The signed-in person; null when the caller is an API token. */
  user: SessionUser | null;
  /** The API token calling; null for a signed-in person. */
  token: { id: string; name: string; prefix: string } | null;
  workspace: { id: string; name: string; slug: string; isDemo: boolean };
  role: Role;
  permissions: Permission[];
  csrfToken: string | null;
  workspaces: { id: string; name: string; slug: string; role: Role }[];
  via: 'session' | 'token';
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface SetupInput {
  token: string;
  email: string;
  name: string;
  password: string;
  locale?: 'fr' | 'en';
}

export interface InvitationInfo {
  email: string;
  workspaceName: string;
}

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  /** Invited, has not chosen a password yet. */
  pending?: boolean;
}

export interface MemberInput {
  email: string;
  role: Role;
  name?: string;
}

/** `POST /api/members`: the member, and the invitation link when a new account was created (shown once). */
export interface AddedMember {
  member: MemberView;
  inviteUrl?: string;
}

/** An API token as listed: never its secret. */
export type ApiTokenView = ApiToken;

export interface ApiTokenInput {
  name: string;
  role: Role;
  expiresInDays?: number;
}

/** `POST /api/tokens`: the token and its secret `vgt_…`, which is in this answer only. */
export interface NewApiToken {
  token: ApiTokenView;
  secret: string;
}

export type AuditEntryView = AuditEntry;

export interface AuditListFilter {
  action?: string;
  since?: string;
  until?: string;
  limit?: number;
  cursor?: string;
}

export interface AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

export interface EraseAuthorInput {
  handle: string;
  connector?: string;
}

export interface EraseAuthorResult {
  deletedMentions: number;
  deletedConversations: number;
}

/** Mentions older than `mentionDays` are deleted daily; null keeps them forever (minimum 7). */
export interface RetentionView {
  mentionDays: number | null;
}
