import type { MentionView } from '@vigie/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { formatDateTime, formatRelativeTime } from '../../format/relative-time';
import { excerpt } from '../../format/split-ranges';
import { ErrorNote } from '../../ui/ErrorNote';
import { SentimentBadge } from '../../ui/SentimentBadge';
import { useNow } from '../../ui/use-now';
import { useLiveMentions } from '../mentions/use-live-mentions';

const SHOWN = 6;
const NO_FILTER = {};

/** The newest mentions, kept current by the live stream: the dashboard's sign of life. */
export function LatestMentions() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<MentionView[]>([]);
  const [error, setError] = useState<unknown>();
  const now = useNow(30_000);
  useEffect(() => {
    let current = true;
    api.mentions.list({ limit: SHOWN }).then(
      (page) => current && setItems(page.items),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, []);
  const live = useLiveMentions(NO_FILTER, (arrived) =>
    setItems((list) => [...arrived, ...list.filter((m) => !arrived.some((a) => a.id === m.id))].slice(0, SHOWN)),
  );
  return (
    <div className="card">
      <div className="card-title-row">
        <h2>{t('dashboard.latest')}</h2>
        <span className={`live-dot ${live.status}`} aria-hidden="true" />
        <a className="card-link" href="#/mentions">
          {t('dashboard.allMentions')}
        </a>
      </div>
      <ErrorNote error={error} />
      {items.length === 0 && error === undefined && <p className="muted">{t('dashboard.noData')}</p>}
      <ul className="latest-list">
        {items.map((m) => (
          <li key={m.id} className={live.fresh.has(m.id) ? 'fresh' : undefined}>
            <span className="latest-meta">
              <strong>{m.author.name ?? m.author.handle}</strong>
              <span className="muted">{t(`connector.${m.connector}`, { defaultValue: m.connector })}</span>
              <time className="muted" dateTime={m.publishedAt} title={formatDateTime(m.publishedAt, i18n.language)}>
                {formatRelativeTime(m.publishedAt, i18n.language, now)}
              </time>
              <SentimentBadge label={m.analysis.sentiment?.label} />
            </span>
            <span className="latest-text">{excerpt(m.title && !m.text.startsWith(m.title) ? `${m.title} — ${m.text}` : m.text, 180).text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
