import type { MentionView } from '@vigie/client';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useDebounced } from '../../ui/use-debounced';
import { useLoad } from '../../ui/use-load';
import { useNow } from '../../ui/use-now';
import { MentionCard } from './MentionCard';
import { MentionFilters } from './MentionFilters';
import { EMPTY_FILTER, toListFilter } from './mention-filter';
import { useLiveMentions } from './use-live-mentions';

const PAGE_SIZE = 25;

/** The mention stream: filters, full-text search, "load more", and live arrivals on top. */
export function MentionsPage({ initialTopic = '' }: { initialTopic?: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ ...EMPTY_FILTER, topic: initialTopic });
  const now = useNow(30_000);
  const search = useDebounced(form.search, 300);
  const filter = useMemo(() => toListFilter({ ...form, search }), [form, search]);
  const filterKey = JSON.stringify(filter);
  const topics = useLoad(() => api.topics.list(), 'topics');
  const connectors = useLoad(() => api.connectors.list(), 'connectors');
  const topicsById = useMemo(() => new Map((topics.data ?? []).map((topic) => [topic.id, topic])), [topics.data]);

  const [items, setItems] = useState<MentionView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let current = true;
    setLoading(true);
    api.mentions.list({ ...filter, limit: PAGE_SIZE }).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // filterKey is the serialised filter: re-query only when its content changes.
  }, [filterKey]);

  const live = useLiveMentions(filter, (mentions) =>
    setItems((list) => [...mentions, ...list.filter((m) => !mentions.some((n) => n.id === m.id))]),
  );

  const loadMore = async (): Promise<void> => {
    if (cursor === null) return;
    setLoading(true);
    try {
      const page = await api.mentions.list({ ...filter, limit: PAGE_SIZE, cursor });
      setItems((list) => [...list, ...page.items.filter((m) => !list.some((n) => n.id === m.id))]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('mentions.title')}</h1>
        <div className="live-controls">
          <span className={`live-dot ${live.paused ? 'paused' : live.status}`} aria-hidden="true" />
          <span className="muted" aria-live="polite">
            {t(`mentions.live.${live.paused ? 'paused' : live.status}`)}
          </span>
          <button type="button" className="button secondary" aria-pressed={live.paused} onClick={live.togglePause}>
            {live.paused ? t('mentions.resume') : t('mentions.pause')}
          </button>
        </div>
      </header>
      <MentionFilters value={form} onChange={setForm} topics={topics.data ?? []} connectors={connectors.data ?? []} />
      {live.queued > 0 && (
        <button type="button" className="button queued" onClick={live.togglePause}>
          {t('mentions.queued', { count: live.queued })}
        </button>
      )}
      <ErrorNote error={error} />
      <div className="mention-list" aria-busy={loading}>
        {items.map((m) => (
          <MentionCard key={m.id} mention={m} fresh={live.fresh.has(m.id)} topics={topicsById} now={now} />
        ))}
      </div>
      {!loading && items.length === 0 && error === undefined && (
        <div className="card empty-state">
          <p className="empty-title">{t('mentions.empty')}</p>
          <p className="muted">{t('mentions.emptyHint')}</p>
        </div>
      )}
      {cursor !== null && (
        <button type="button" className="button secondary load-more" disabled={loading} onClick={() => void loadMore()}>
          {loading ? t('common.loading') : t('mentions.loadMore')}
        </button>
      )}
    </section>
  );
}
