/**
 * The team side of people and access (docs/security.md): workspaces, members and API tokens.
 * Every rule is here — nobody grants a role above their own, a workspace keeps an owner, the
 * instance's first workspace stays — and every change goes to the audit log.
 */
import { AppError, type ApiToken, type Role, type Workspace } from '@vigie/core';
import { issueApiToken } from '../security/api-tokens';
import { invitationMail } from '../security/identity-mail';
import { generateToken, hashToken } from '../security/opaque-token';
import { IDENTITY_LIMITS, identityTools, iso, normalizeEmail, slugify, type IdentityServiceDeps, type MemberView, type RequestContext } from './identity-common';

/**
 * @example
 * const team = createTeamService({ store, log, now, config, audit, defaultWorkspaceId });
 * await team.addMember(c, { email: 'ana@velotys.example', role: 'agent' });
 */
export function createTeamService(deps: IdentityServiceDeps) {
  const { store, now, audit } = deps;
  const { clock, link, sendLater, sessionOnly, grantable, keepAnOwner, contextFor, workspaceOrThrow } = identityTools(deps);

  return {
    // ── workspaces ────────────────────────────────────────────────────────────

    async listWorkspaces(c: RequestContext): Promise<{ id: string; name: string; slug: string; isDemo: boolean; role: Role }[]> {
      const p = c.var.principal;
      if (!p) return [];
      const memberships = p.kind === 'token' ? [{ workspaceId: p.workspaceId, role: p.role }] : await store.memberships.listByUser(p.userId ?? '');
      const rows = await Promise.all(memberships.map(async (m) => ({ m, w: await store.workspaces.get(m.workspaceId) })));
      return rows.flatMap(({ m, w }) => (w ? [{ id: w.id, name: w.name, slug: w.slug, isDemo: w.isDemo, role: m.role }] : []));
    },

    async createWorkspace(c: RequestContext, input: { name: string; slug?: string }): Promise<{ id: string; name: string; slug: string; isDemo: boolean; role: Role }> {
      const p = sessionOnly(c);
      let workspace: Workspace | undefined;
      if (input.slug) {
        workspace = await store.workspaces.create({ name: input.name, slug: input.slug });
      } else {
        const base = slugify(input.name);
        for (let n = 1; !workspace && n <= 50; n += 1) {
          const slug = n === 1 ? base : `${base}-${n}`;
          if (!(await store.workspaces.getBySlug(slug))) workspace = await store.workspaces.create({ name: input.name, slug });
        }
        if (!workspace) throw new AppError('conflict', 'choose another name or a slug / choisissez un autre nom ou un identifiant', [{ field: 'slug', message: 'taken / déjà pris' }]);
      }
      await store.memberships.set(workspace.id, p.userId, 'owner');
      await audit(contextFor(c, workspace.id), 'workspace.create', `workspace:${workspace.id}`, { name: workspace.name, slug: workspace.slug });
      return { id: workspace.id, name: workspace.name, slug: workspace.slug, isDemo: workspace.isDemo, role: 'owner' };
    },

    async renameWorkspace(c: RequestContext, name: string): Promise<Workspace> {
      const workspace = await workspaceOrThrow(c.var.workspaceId);
      const renamed = (await store.workspaces.rename(workspace.id, name)) ?? { ...workspace, name };
      await audit(c, 'workspace.rename', `workspace:${workspace.id}`, { from: workspace.name, to: name });
      return renamed;
    },

    async deleteWorkspace(c: RequestContext, confirm: string): Promise<void> {
      const workspace = await workspaceOrThrow(c.var.workspaceId);
      if (confirm !== workspace.slug) {
        throw new AppError('validation_failed', 'Type the workspace identifier to confirm / Saisissez l’identifiant de l’espace pour confirmer', [{ field: 'confirm', message: `expected "${workspace.slug}"` }]);
      }
      if (workspace.id === deps.defaultWorkspaceId) throw new AppError('conflict', 'the instance’s first workspace cannot be deleted / le premier espace de l’instance ne peut pas être supprimé');
      if ((await store.workspaces.list()).length <= 1) throw new AppError('conflict', 'the last workspace cannot be deleted / le dernier espace ne peut pas être supprimé');
      const p = c.var.principal;
      // Keep the caller signed in: move their session elsewhere before the cascade removes it.
      if (p?.kind === 'session' && p.sessionId && p.userId) {
        const elsewhere = (await store.memberships.listByUser(p.userId)).find((m) => m.workspaceId !== workspace.id);
        if (elsewhere) await store.sessions.setWorkspace(p.sessionId, elsewhere.workspaceId);
      }
      await store.workspaces.delete(workspace.id);
      // Its own log goes with it; the instance-wide log keeps the trace.
      await audit(contextFor(c, undefined), 'workspace.delete', `workspace:${workspace.id}`, { name: workspace.name, slug: workspace.slug });
    },

    // ── members ───────────────────────────────────────────────────────────────

    async listMembers(workspaceId: string): Promise<MemberView[]> {
      const rows = await store.memberships.listByWorkspace(workspaceId);
      return rows.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, createdAt: m.createdAt, pending: !m.user.passwordHash }));
    },

    async addMember(c: RequestContext, input: { email: string; role: Role; name?: string }): Promise<{ member: MemberView; inviteUrl?: string }> {
      const p = c.var.principal;
      if (!p) throw new AppError('unauthenticated', 'sign in first');
      grantable(input.role, p.role, 'you cannot grant a role above your own');
      const workspaceId = c.var.workspaceId;
      const email = normalizeEmail(input.email);
      const inviter = p.userId ? await store.users.get(p.userId) : undefined;
      let user = await store.users.getByEmail(email);
      if (user && (await store.memberships.get(workspaceId, user.id))) throw new AppError('conflict', 'already a member of this workspace / déjà membre de cet espace', [{ field: 'email', message: 'already a member' }]);
      user ??= await store.users.create({ email, name: input.name?.trim() || email.split('@')[0] || email, locale: inviter?.locale ?? 'en' });
      const membership = await store.memberships.set(workspaceId, user.id, input.role);
      let inviteUrl: string | undefined;
      if (!user.passwordHash) {
        await store.oneTimeTokens.deleteKind('invitation', { userId: user.id });
        const secret = generateToken();
        const at = clock();
        await store.oneTimeTokens.create(hashToken(secret), { kind: 'invitation', userId: user.id, email, workspaceId, role: input.role, createdAt: iso(at), expiresAt: iso(at + IDENTITY_LIMITS.invitationMs) });
        inviteUrl = link('invite', secret);
        const workspace = await workspaceOrThrow(workspaceId);
        sendLater(invitationMail(email, user.locale, workspace.name, inviter?.name ?? c.var.actor.label, inviteUrl), 'invitation');
      }
      await audit(c, 'member.add', `user:${user.id}`, { email, role: input.role, invited: inviteUrl !== undefined });
      return { member: { userId: user.id, email: user.email, name: user.name, role: membership.role, createdAt: membership.createdAt, pending: !user.passwordHash }, ...(inviteUrl && { inviteUrl }) };
    },

    async setMemberRole(c: RequestContext, userId: string, role: Role): Promise<MemberView> {
      const p = c.var.principal;
      if (!p) throw new AppError('unauthenticated', 'sign in first');
      const workspaceId = c.var.workspaceId;
      const current = await store.memberships.get(workspaceId, userId);
      if (!current) throw new AppError('not_found', 'no such member');
      grantable(role, p.role, 'you cannot grant a role above your own');
      if (role !== 'owner') await keepAnOwner(workspaceId, current);
      const membership = await store.memberships.set(workspaceId, userId, role);
      await audit(c, 'member.role', `user:${userId}`, { from: current.role, to: role });
      const member = (await store.memberships.listByWorkspace(workspaceId)).find((m) => m.userId === userId);
      return { userId, email: member?.user.email ?? '', name: member?.user.name ?? '', role: membership.role, createdAt: membership.createdAt, pending: !member?.user.passwordHash };
    },

    async removeMember(c: RequestContext, userId: string): Promise<void> {
      const workspaceId = c.var.workspaceId;
      const current = await store.memberships.get(workspaceId, userId);
      if (!current) throw new AppError('not_found', 'no such member');
      await keepAnOwner(workspaceId, current);
      await store.memberships.remove(workspaceId, userId);
      await audit(c, 'member.remove', `user:${userId}`, { role: current.role });
    },

    // ── API tokens ────────────────────────────────────────────────────────────

    listTokens: (workspaceId: string): Promise<ApiToken[]> => store.apiTokens.list(workspaceId),

    async createToken(c: RequestContext, input: { name: string; role: Role; expiresInDays?: number }): Promise<{ token: ApiToken; secret: string }> {
      const p = sessionOnly(c);
      grantable(input.role, p.role, 'a token cannot have a role above yours');
      const { token, secret } = await issueApiToken(store, { workspaceId: c.var.workspaceId, name: input.name, role: input.role, createdBy: p.userId, at: now(), ...(input.expiresInDays !== undefined && { expiresInDays: input.expiresInDays }) });
      await audit(c, 'token.create', `token:${token.id}`, { name: token.name, role: token.role, prefix: token.prefix });
      return { token, secret };
    },

    async revokeToken(c: RequestContext, id: string): Promise<void> {
      if (!(await store.apiTokens.revoke(c.var.workspaceId, id, iso(clock())))) throw new AppError('not_found', 'no such API token');
      await audit(c, 'token.revoke', `token:${id}`);
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
