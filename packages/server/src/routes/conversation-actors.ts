/**
 * Who works in the inbox (issues 6 and 8): the caller, never a name from the request body.
 *
 * What the inbox stores as "who did it" (note author, audit actor, reply author, assignee,
 * budget key) is the signed-in user's id; for an API token, `token:<id>`. Names are joined at
 * read: a member's name, a token's name; anything else (free-text names written before accounts
 * existed, `vigie`, `team`) shows as it was stored.
 */
import type { Context } from 'hono';
import { AppError, roleAllows, type Role } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';

/** Roles that can be assigned a conversation: those that may respond. */
export const ASSIGNABLE_ROLES: readonly Role[] = ['owner', 'manager', 'agent'];

/**
 * The id the inbox records for the caller: the user id of a session, `token:<id>` for an API token.
 * @example actorIdOf(c) // → '7f3c…' (session) or 'token:ab12…'
 */
export function actorIdOf(c: Context<AppEnv>): string {
  const p = c.var.principal;
  if (!p) throw new AppError('unauthenticated', 'sign in / connectez-vous');
  if (p.kind === 'token') return `token:${p.tokenId ?? 'unknown'}`;
  return p.userId ?? 'unknown';
}

/** The person behind the caller (the session's user, or the person who created the token), if any. */
export function selfMemberOf(c: Context<AppEnv>): string | undefined {
  return c.var.principal?.userId;
}

export interface MemberDirectory {
  /** Display name for a stored actor/assignee: member name, token name, else the value itself. */
  nameOf(id: string): string;
  /** The member's role in this workspace, or undefined when not a member. */
  roleOf(userId: string): Role | undefined;
  /** Looks up people no longer members (removed since they acted), so their name still shows. */
  resolve(ids: Iterable<string | undefined>): Promise<void>;
}

/** Members and tokens of the workspace, read once per request. */
export async function memberDirectory(deps: AppDeps, workspaceId: string): Promise<MemberDirectory> {
  const [members, tokens] = await Promise.all([deps.store.memberships.listByWorkspace(workspaceId), deps.store.apiTokens.list(workspaceId)]);
  const names = new Map<string, string>();
  const roles = new Map<string, Role>();
  for (const m of members) {
    names.set(m.userId, m.user.name || m.user.email);
    roles.set(m.userId, m.role);
  }
  for (const token of tokens) names.set(`token:${token.id}`, token.name);
  const looked = new Set<string>();
  return {
    nameOf: (id) => names.get(id) ?? id,
    roleOf: (userId) => roles.get(userId),
    async resolve(ids) {
      const unknown = [...new Set(ids)].filter((id): id is string => id !== undefined && !names.has(id) && !looked.has(id) && !id.startsWith('token:'));
      const users = await Promise.all(unknown.map((id) => (looked.add(id), deps.store.users.get(id))));
      for (const user of users) if (user) names.set(user.id, user.name || user.email);
    },
  };
}

/**
 * The member a budget or focus request is about: the caller by default. Another member's id is
 * for managers and owners only (403 otherwise) and must be a member who can respond (400).
 * A token no person created must name the member.
 */
export async function memberFor(deps: AppDeps, c: Context<AppEnv>, requested: string | undefined): Promise<string> {
  const self = selfMemberOf(c);
  if (requested === undefined || requested === self) {
    if (self) return self;
    throw new AppError('validation_failed', 'Name the member: this token belongs to no person / précisez le membre : ce jeton n’appartient à personne', [{ field: 'member', message: 'required / obligatoire' }]);
  }
  const role = (await memberDirectory(deps, c.var.workspaceId)).roleOf(requested);
  if (!role || !ASSIGNABLE_ROLES.includes(role)) {
    throw new AppError('validation_failed', 'Not a member who works in the inbox / pas un membre qui traite la boîte de réception', [{ field: 'member', message: 'not a member of this workspace who can respond / pas un membre de cet espace pouvant répondre' }]);
  }
  const callerRole = c.var.principal?.role;
  if (!callerRole || !roleAllows(callerRole, 'approve')) {
    throw new AppError('forbidden', 'Only a manager or an owner sees another member’s budget / seul un responsable ou un propriétaire voit le budget d’un autre membre');
  }
  return requested;
}

/** Checks an assignee: a member of this workspace who can respond (an analyst cannot). */
export function checkAssignee(directory: MemberDirectory, assignee: string): void {
  const role = directory.roleOf(assignee);
  if (role && ASSIGNABLE_ROLES.includes(role)) return;
  throw new AppError('validation_failed', role ? 'An analyst cannot be assigned: they cannot respond / un analyste ne peut pas être assigné : il ne peut pas répondre' : 'The assignee is not a member of this workspace / la personne assignée n’est pas membre de cet espace', [
    { field: 'assignee', message: role ? 'this member cannot respond / ce membre ne peut pas répondre' : 'not a member / pas membre' },
  ]);
}
