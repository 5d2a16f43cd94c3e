/** The areas of the navigation, in order; `ready` ones have a page, the others say "coming soon". */
export const AREAS = [
  { id: 'dashboard', path: '/', ready: true },
  { id: 'mentions', path: '/mentions', ready: true },
  { id: 'inbox', path: '/inbox', ready: true },
  { id: 'alerts', path: '/alerts', ready: true },
  { id: 'publishing', path: '/publishing', ready: false },
  { id: 'competitors', path: '/competitors', ready: false },
  { id: 'settings', path: '/settings', ready: true },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

/** The area a route belongs to (`/settings/sources` → settings). */
export function areaOfRoute(route: string): AreaId {
  const first = `/${route.split('?')[0]?.split('/')[1] ?? ''}`;
  return AREAS.find((area) => area.path === first)?.id ?? 'dashboard';
}
