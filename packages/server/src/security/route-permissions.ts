/**
 * Who may call what: every API route and the one permission it needs (core/identity/roles.ts says
 * which roles hold it). The auth middleware looks the request up here; a route missing from this
 * table is refused, and a test fails when a registered route has no entry.
 *
 * - `public`: no caller needed (health, the OpenAPI document, sign-in, the signed intake endpoint).
 * - `signed-in`: any valid session or token, whatever its role (who am I, sign out, my workspaces).
 * - a Permission: the caller's role in the request's workspace must hold it.
 *
 * Paths are Hono patterns relative to the server root (`:id` parameters).
 */
import type { Permission } from '@vigie/core';

export type RouteAccess = Permission | 'public' | 'signed-in';

export const ROUTE_PERMISSIONS: Record<string, RouteAccess> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',

  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/setup': 'public',
  'POST /api/auth/setup': 'public',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'GET /api/auth/invitation': 'public',
  'POST /api/auth/invitation': 'public',
  'GET /api/auth/oidc': 'public',
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/session': 'signed-in',
  'PUT /api/session/password': 'signed-in',
  'PUT /api/session/workspace': 'signed-in',
  'GET /api/workspaces': 'signed-in',
  'POST /api/workspaces': 'signed-in',
  'PATCH /api/workspace': 'admin',
  'DELETE /api/workspace': 'admin',
  'GET /api/members': 'read',
  'POST /api/members': 'admin',
  'PATCH /api/members/:userId': 'admin',
  'DELETE /api/members/:userId': 'admin',
  'GET /api/tokens': 'admin',
  'POST /api/tokens': 'admin',
  'DELETE /api/tokens/:id': 'admin',
  'GET /api/audit': 'admin',

  'GET /api/topics': 'read',
  'POST /api/topics': 'configure',
  'GET /api/topics/:id': 'read',
  'PATCH /api/topics/:id': 'configure',
  'DELETE /api/topics/:id': 'configure',
  'POST /api/topics/:id/queries': 'configure',
  'PATCH /api/queries/:id': 'configure',
  'DELETE /api/queries/:id': 'configure',
  'POST /api/queries/validate': 'read',
  'POST /api/queries/preview': 'read',

  'GET /api/sources': 'read',
  'POST /api/sources': 'configure',
  'POST /api/sources/test': 'configure',
  'GET /api/sources/:id': 'read',
  'PATCH /api/sources/:id': 'configure',
  'DELETE /api/sources/:id': 'configure',
  'POST /api/sources/:id/fetch': 'configure',
  'POST /api/sources/opml': 'configure',
  'GET /api/connectors': 'read',

  'GET /api/mentions': 'read',
  'GET /api/mentions/stream': 'read',
  'GET /api/mentions/:id': 'read',
  'GET /api/stats/overview': 'read',
  'GET /api/stats/themes': 'read',
  'GET /api/stats/series': 'read',

  'GET /api/demo': 'read',
  'DELETE /api/demo': 'configure',

  'GET /api/alert-rules': 'read',
  'POST /api/alert-rules': 'configure',
  'PATCH /api/alert-rules/:id': 'configure',
  'DELETE /api/alert-rules/:id': 'configure',
  'POST /api/alerts/backtest': 'read',
  'GET /api/episodes': 'read',
  'GET /api/episodes/:id': 'read',
  'GET /api/notifications': 'read',
  'POST /api/notifications/:id/read': 'read',

  'GET /api/conversations': 'read',
  'GET /api/conversations/:id': 'read',
  'PATCH /api/conversations/:id': 'respond',
  'POST /api/conversations/bulk': 'respond',
  'POST /api/conversations/:id/notes': 'respond',
  'POST /api/conversations/:id/replies': 'respond',
  'POST /api/replies/:id/approve': 'approve',
  'POST /api/replies/:id/confirm': 'respond',
  'POST /api/replies/:id/retry': 'respond',
  'POST /api/guard': 'read',
  'GET /api/saved-replies': 'read',
  'POST /api/saved-replies': 'configure',
  'PATCH /api/saved-replies/:id': 'configure',
  'DELETE /api/saved-replies/:id': 'configure',
  'GET /api/focus/next': 'read',
  'GET /api/inbox/stats': 'read',
  'GET /api/inbox/budget': 'read',
  'PUT /api/inbox/budget': 'respond',
  'POST /api/inbox/budget/time': 'respond',
  'GET /api/inbox/own-accounts': 'read',
  'PUT /api/inbox/own-accounts': 'configure',
  'GET /api/inbox/digest': 'read',
  'PUT /api/inbox/digest': 'configure',
  'POST /api/inbox/digest/preview': 'read',

  'GET /api/intakes': 'read',
  'POST /api/intakes': 'configure',
  'DELETE /api/intakes/:id': 'configure',
  'POST /api/intake/:token': 'public',

  'GET /api/accounts': 'read',
  'GET /api/accounts/connectors': 'read',
  'POST /api/accounts': 'configure',
  'GET /api/accounts/:id': 'read',
  'PATCH /api/accounts/:id': 'configure',
  'DELETE /api/accounts/:id': 'configure',
  'POST /api/accounts/:id/test': 'configure',
  'GET /api/oauth/:connector/start': 'configure',
  // Public: the network sends the browser back here; the single-use state bound to the workspace is the credential.
  'GET /api/oauth/:connector/callback': 'public',

  'GET /api/workspace/export': 'admin',
  'POST /api/data/erase-author': 'admin',
  'GET /api/workspace/retention': 'read',
  'PUT /api/workspace/retention': 'admin',
};
