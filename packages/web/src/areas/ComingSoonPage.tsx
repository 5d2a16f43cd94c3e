import { useTranslation } from 'react-i18next';
import type { AreaId } from '../areas';

/** Placeholder for an area announced in the navigation but not built yet. */
export function ComingSoonPage({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t(`nav.${area}`)}</h1>
      </header>
      <div className="card empty-state">
        <p className="empty-title">{t('comingSoon.title')}</p>
        <p className="muted">{t(`comingSoon.${area}`)}</p>
      </div>
    </section>
  );
}
