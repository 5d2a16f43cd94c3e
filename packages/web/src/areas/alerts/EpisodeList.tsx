import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { formatRelativeTime } from '../../format/relative-time';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { useNow } from '../../ui/use-now';
import { EpisodeBadge } from './EpisodeBadge';
import { Sparkline } from './Sparkline';

const FILTERS = ['all', 'open', 'calming', 'closed'] as const;

/** Episodes, newest first: crisis/buzz, status, since when, the ten-second read and a sparkline. */
export function EpisodeList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const now = useNow(60_000);
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const episodes = useLoad(() => api.episodes.list(filter === 'all' ? {} : { status: filter }), `episodes:${filter}`);
  return (
    <div className="stack">
      <div className="alert-filters" role="group" aria-label={t('alerts.filterLabel')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" className={filter === f ? 'button small active' : 'button small'} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`alerts.filter.${f}`)}
          </button>
        ))}
      </div>
      <ErrorNote error={episodes.error} />
      {episodes.data?.length === 0 && (
        <div className="card empty-state">
          <p className="empty-title">{t('alerts.noEpisodes')}</p>
          <p className="muted">{t('alerts.noEpisodesHint')}</p>
        </div>
      )}
      <ul className="episode-list" aria-label={t('alerts.episodes')}>
        {episodes.data?.map((e) => (
          <li key={e.id} className="card episode-card">
            <div className="card-title-row">
              <EpisodeBadge kind={e.kind} status={e.status} />
              <span className="muted">{t('alerts.since', { when: formatRelativeTime(e.startedAt, lang, now) })}</span>
              <a className="card-link" href={`#/alerts/episodes/${encodeURIComponent(e.id)}`}>
                {t('alerts.postMortem')}
              </a>
            </div>
            <h2 className="episode-headline">{e.headline[lang]}</h2>
            <div className="episode-body">
              <p>{e.text[lang]}</p>
              <Sparkline values={e.sparkline} label={t('alerts.sparklineLabel', { step: e.sparklineStepMin })} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
