import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { formatDateTime } from '../../format/relative-time';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { EpisodeBadge } from './EpisodeBadge';
import { Sparkline } from './Sparkline';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The post-mortem of one episode: what happened, when, what fired, which posts and words carried it. */
export function EpisodePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const episode = useLoad(() => api.episodes.get(id), `episode:${id}`);
  const e = episode.data;
  return (
    <div className="stack">
      <a href="#/alerts" className="back-link">
        ← {t('alerts.back')}
      </a>
      <ErrorNote error={episode.error} />
      {e && (
        <article className="stack" aria-label={t('alerts.postMortem')}>
          <div className="card">
            <div className="card-title-row">
              <EpisodeBadge kind={e.kind} status={e.status} />
              <span className="muted">{e.scope.name}</span>
            </div>
            <h2>{e.headline[lang]}</h2>
            <p>{e.text[lang]}</p>
            <dl className="episode-times">
              <dt>{t('alerts.startedAt')}</dt>
              <dd>{formatDateTime(e.startedAt, lang)}</dd>
              <dt>{t('alerts.detectedAt')}</dt>
              <dd>{formatDateTime(e.detectedAt, lang)}</dd>
              {e.closedAt !== undefined && (
                <>
                  <dt>{t('alerts.closedAt')}</dt>
                  <dd>{formatDateTime(e.closedAt, lang)}</dd>
                </>
              )}
              <dt>{t('alerts.peak')}</dt>
              <dd>{t('alerts.peakValue', { count: e.peak.mentions, when: formatDateTime(e.peak.at, lang) })}</dd>
            </dl>
            <Sparkline values={e.explanation.sparkline} width={480} height={80} label={t('alerts.sparklineLabel', { step: e.explanation.sparklineStepMin })} />
          </div>
          <div className="card">
            <h3>{t('alerts.changes')}</h3>
            <ul>
              {e.explanation.changes.map((c, i) => (
                <li key={i}>{c[lang]}</li>
              ))}
            </ul>
            <h3>{t('alerts.sentiment')}</h3>
            <p>
              {t('alerts.sentimentShift', { before: percent(e.explanation.sentiment.before.negative), during: percent(e.explanation.sentiment.during.negative) })}
            </p>
            {e.explanation.topTerms.length > 0 && (
              <>
                <h3>{t('alerts.topTerms')}</h3>
                <p className="episode-terms">
                  {e.explanation.topTerms.map((term) => (
                    <span key={term.term} className="badge">
                      {term.term} · {term.count}
                    </span>
                  ))}
                </p>
              </>
            )}
          </div>
          <div className="card">
            <h3>{t('alerts.topPosts')}</h3>
            {e.topPosts.length === 0 && <p className="muted">{t('alerts.noPosts')}</p>}
            <ul className="episode-posts">
              {e.topPosts.map((m) => (
                <li key={m.id}>
                  <strong>{m.author.handle}</strong> <span className="muted">{formatDateTime(m.publishedAt, lang)}</span>
                  <p>{m.text}</p>
                </li>
              ))}
            </ul>
            <h3>{t('alerts.signals')}</h3>
            <ul>
              {e.signals.map((s, i) => (
                <li key={i}>
                  <code>{t(`alerts.detector.${s.detector}`)}</code> — {s.summary[lang]} <span className="muted">({formatDateTime(s.at, lang)})</span>
                </li>
              ))}
            </ul>
          </div>
        </article>
      )}
    </div>
  );
}
