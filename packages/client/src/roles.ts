import type { Role } from '@vigie/core';

// Kept here rather than re-exported from @vigie/core so the browser bundle holds no core code; the
// Record makes the compiler fail when core adds or removes a role.
/** How high a role stands: a token or an invitation can never get more than its creator holds. */
export const ROLE_RANK: Record<Role, number> = { owner: 3, manager: 2, agent: 1, analyst: 0 };

/** The roles, highest first. */
export const ROLES = (Object.keys(ROLE_RANK) as Role[]).sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a]);
