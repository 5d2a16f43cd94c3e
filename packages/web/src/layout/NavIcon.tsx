import type { AreaId } from '../areas';

// Simple stroked glyphs drawn here rather than an icon font: no external assets under the CSP.
const PATHS: Record<AreaId, string> = {
  dashboard: 'M3 13h8V3H3zM13 21h8V11h-8zM3 21h8v-6H3zM13 9h8V3h-8z',
  mentions: 'M4 5h16v11H8l-4 4z',
  inbox: 'M3 13l3-8h12l3 8v6H3zM3 13h5l1 3h6l1-3h5',
  alerts: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20h4',
  publishing: 'M4 20l4-1 11-11-3-3L5 16zM14 6l3 3',
  competitors: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .5-1.5-1.5.5-2-3-1-1 2h-2l-1-2-3 1 .5 2L6 8.5 4 8 3 11l2 1v0l-2 1 1 3 2-.5 1.5 1.5-.5 2 3 1 1-2h2l1 2 3-1-.5-2 1.5-1.5 2 .5 1-3z',
};

export function NavIcon({ area }: { area: AreaId }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[area]} />
    </svg>
  );
}
