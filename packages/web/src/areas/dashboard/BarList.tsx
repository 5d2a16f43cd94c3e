import { useTranslation } from 'react-i18next';

/** A ranked list with proportional bars (SVG widths, not inline styles: the CSP stays strict). */
export function BarList({ items, empty }: { items: { key: string; label: string; count: number; href?: string }[]; empty: string }) {
  const { i18n } = useTranslation();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  const max = Math.max(...items.map((i) => i.count), 1);
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <ul className="bar-list">
      {[...items]
        .sort((a, b) => b.count - a.count)
        .map((item) => (
          <li key={item.key}>
            <span className="bar-label">{item.href ? <a href={item.href}>{item.label}</a> : item.label}</span>
            <svg className="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
              <rect className="bar-track" x="0" y="0" width="100" height="8" rx="2" />
              <rect className="bar-fill" x="0" y="0" width={(item.count / max) * 100} height="8" rx="2" />
            </svg>
            <span className="bar-count">{number.format(item.count)}</span>
          </li>
        ))}
    </ul>
  );
}
