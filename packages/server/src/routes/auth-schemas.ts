import { z } from '@hono/zod-openapi';
import { PERMISSIONS, ROLES } from '@vigie/core';
import { ErrorSchema } from '../http/schemas';
import { MAX_PASSWORD_LENGTH } from '../security/password-policy';

/** Request and response schemas of the identity routes (docs/api.md, "Accounts and access"). */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const errorResponse = (description: string) => json(ErrorSchema, description);
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export const RoleSchema = z.enum(ROLES).openapi({ example: 'agent' });
export const EmailSchema = z.string().trim().toLowerCase().max(320).email('expected an e-mail address / adresse e-mail attendue');
export const PasswordSchema = z.string().min(1, 'a password is needed / mot de passe requis').max(MAX_PASSWORD_LENGTH);
export const OneTimeTokenSchema = z.string().min(1).max(200);
export const NameSchema = z.string().trim().min(1, 'a name is needed / nom requis').max(120);

export const SessionSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.enum(['fr', 'en']) }).nullable(),
    token: z.object({ id: z.string(), name: z.string(), prefix: z.string() }).nullable(),
    workspace: z.object({ id: z.string(), name: z.string(), slug: z.string(), isDemo: z.boolean() }),
    role: RoleSchema,
    permissions: z.array(z.enum(PERMISSIONS)),
    csrfToken: z.string().nullable().openapi({ description: 'Echo it in X-CSRF-Token on every POST/PUT/PATCH/DELETE made with the session cookie; null for API tokens.' }),
    workspaces: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), role: RoleSchema })),
    via: z.enum(['session', 'token']),
  })
  .openapi('Session');

export const WorkspaceSchema = z.object({ id: z.string(), name: z.string(), slug: z.string(), isDemo: z.boolean(), role: RoleSchema }).openapi('MyWorkspace');

export const MemberSchema = z
  .object({ userId: z.string(), email: z.string(), name: z.string(), role: RoleSchema, createdAt: z.string(), pending: z.boolean().openapi({ description: 'Invited, has not chosen a password yet' }) })
  .openapi('Member');

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    role: RoleSchema,
    prefix: z.string().openapi({ description: 'First 12 characters, to tell tokens apart' }),
    createdBy: z.string().optional(),
    createdAt: z.string(),
    lastUsedAt: z.string().optional(),
    expiresAt: z.string().optional(),
    revokedAt: z.string().optional(),
  })
  .openapi('ApiToken');

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    workspaceId: z.string().optional(),
    at: z.string(),
    actor: z.object({ kind: z.enum(['user', 'token', 'cli', 'system']), id: z.string().optional(), label: z.string() }),
    action: z.string(),
    target: z.string().optional(),
    ip: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('AuditEntry');

export const unauthenticated = errorResponse('No valid session or token');
export const forbidden = errorResponse('The role lacks the permission, or a CSRF/Origin check failed');
export const invalid = errorResponse('Invalid input');
export const notFound = errorResponse('No such resource');
export const conflict = errorResponse('Conflicts with the current state');
export const rateLimited = errorResponse('Too many attempts (Retry-After says when to retry)');
