import { useTranslation } from 'react-i18next';
import { AlertsNavBadge } from './AlertsNavBadge';
import { EpisodeList } from './EpisodeList';
import { EpisodePage } from './EpisodePage';
import { NotificationsPanel } from './NotificationsPanel';
import { RulesPanel } from './RulesPanel';
import './alerts.css';

const TABS = ['episodes', 'notifications', 'rules'] as const;

/**
 * The Alerts area: `#/alerts` episodes, `#/alerts/notifications`, `#/alerts/rules`,
 * `#/alerts/episodes/<id>` an episode's post-mortem.
 */
export function AlertsPage({ path }: { path: string }) {
  const { t } = useTranslation();
  const parts = path.split('/').slice(2);
  const episodeId = parts[0] === 'episodes' && parts[1] ? decodeURIComponent(parts.slice(1).join('/')) : undefined;
  const tab = episodeId !== undefined ? 'episodes' : (TABS.find((id) => id === parts[0]) ?? 'episodes');
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('alerts.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('alerts.title')}>
        {TABS.map((id) => (
          <a key={id} href={id === 'episodes' ? '#/alerts' : `#/alerts/${id}`} className={tab === id ? 'tab active' : 'tab'} aria-current={tab === id ? 'page' : undefined}>
            {t(`alerts.tab.${id}`)}
            {id === 'notifications' && <AlertsNavBadge />}
          </a>
        ))}
      </nav>
      {episodeId !== undefined && <EpisodePage id={episodeId} />}
      {episodeId === undefined && tab === 'episodes' && <EpisodeList />}
      {tab === 'notifications' && <NotificationsPanel onRead={() => window.dispatchEvent(new Event('vigie:notifications-read'))} />}
      {tab === 'rules' && <RulesPanel />}
    </section>
  );
}
