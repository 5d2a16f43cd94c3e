import { TrieRouter } from 'hono/router/trie-router';
import { ROUTE_PERMISSIONS, type RouteAccess } from './route-permissions';

export interface RouteRule {
  /** The table key, e.g. `GET /api/sources/:id`. */
  key: string;
  access: RouteAccess;
}

/**
 * Looks a request up in ROUTE_PERMISSIONS with Hono's own router, so a path matches the table
 * exactly as it matches the route (same parameters, same trailing-slash rules). When several
 * entries match (`/mentions/stream` and `/mentions/:id`), the most literal one wins, as in the app.
 *
 * @example
 * const lookup = createRouteAccess();
 * lookup('GET', '/api/sources/src_1'); // { key: 'GET /api/sources/:id', access: 'read' }
 * lookup('GET', '/api/nope');          // undefined → 404
 */
export function createRouteAccess(table: Record<string, RouteAccess> = ROUTE_PERMISSIONS) {
  const router = new TrieRouter<RouteRule & { params: number }>();
  for (const [key, access] of Object.entries(table)) {
    const space = key.indexOf(' ');
    const method = key.slice(0, space);
    const path = key.slice(space + 1);
    router.add(method, path, { key, access, params: path.split('/').filter((s) => s.startsWith(':') || s === '*').length });
  }
  return (method: string, path: string): RouteRule | undefined => {
    // HEAD is answered by GET routes.
    const [matches] = router.match(method === 'HEAD' ? 'GET' : method, path);
    let best: (RouteRule & { params: number }) | undefined;
    for (const [rule] of matches) if (!best || rule.params < best.params) best = rule;
    return best && { key: best.key, access: best.access };
  };
}
