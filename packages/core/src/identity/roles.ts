/**
 * Roles and what they allow. A role is held per workspace (a membership) or by an API token.
 * Routes declare the one permission they need (server/src/security/route-permissions.ts); this
 * table says which roles hold it. Nothing else decides who may do what.
 */
export const ROLES = ['owner', 'manager', 'agent', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/**
 * - `read`: see everything in the workspace (analyst and up).
 * - `respond`: inbox work — statuses, assignment, notes, drafts, sending replies that pass the guard.
 * - `approve`: approve a held reply before its cool-down ends.
 * - `configure`: topics, queries, sources, accounts, alert rules, saved replies, intakes, the demo.
 * - `admin`: members, API tokens, the audit log, export, data deletion, retention, the workspace itself.
 */
export const PERMISSIONS = ['read', 'respond', 'approve', 'configure', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ['read', 'respond', 'approve', 'configure', 'admin'],
  manager: ['read', 'respond', 'approve', 'configure'],
  agent: ['read', 'respond'],
  analyst: ['read'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
