import { useTranslation } from 'react-i18next';
import { SourcesPanel } from './SourcesPanel';
import { TopicsPanel } from './TopicsPanel';

/** Settings, with one tab per thing to configure (topics, sources for now). */
export function SettingsPage({ tab }: { tab: 'topics' | 'sources' }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('settings.title')}>
        {(['topics', 'sources'] as const).map((id) => (
          <a key={id} href={`#/settings/${id}`} className={tab === id ? 'tab active' : 'tab'} aria-current={tab === id ? 'page' : undefined}>
            {t(`settings.${id}`)}
          </a>
        ))}
      </nav>
      {tab === 'topics' ? <TopicsPanel /> : <SourcesPanel />}
    </section>
  );
}
