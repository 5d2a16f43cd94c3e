import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { formatRelativeTime } from '../../format/relative-time';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { useNow } from '../../ui/use-now';

/** In-app notifications (mark read) and the deliveries that are failing (SMTP down, webhook 500…). */
export function NotificationsPanel({ onRead }: { onRead?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const now = useNow(60_000);
  const notifications = useLoad(() => api.notifications.list(), 'notifications');
  const data = notifications.data;
  return (
    <div className="stack">
      <ErrorNote error={notifications.error} />
      {data && data.failing.length > 0 && (
        <div className="card delivery-failing" role="status">
          <h2>{t('alerts.failingTitle')}</h2>
          <ul>
            {data.failing.map((d) => (
              <li key={d.key}>
                <span className="badge episode-crisis">{t(`alerts.deliveryStatus.${d.status === 'dead' ? 'dead' : 'failing'}`)}</span> {t(`alerts.channel.${d.channel}`)} <code>{d.target}</code> —{' '}
                {t('alerts.attempts', { count: d.attempts })}
                {d.lastError !== undefined && <span className="muted"> · {d.lastError}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {data?.items.length === 0 && <p className="muted">{t('alerts.noNotifications')}</p>}
      <ul className="notification-list" aria-label={t('alerts.notifications')}>
        {data?.items.map((n) => (
          <li key={n.id} className={n.readAt === undefined ? 'card notification unread' : 'card notification'}>
            <a href={n.episodeId !== undefined ? `#/alerts/episodes/${encodeURIComponent(n.episodeId)}` : '#/alerts'}>{n.title[lang]}</a>
            <span className="muted"> {formatRelativeTime(n.createdAt, lang, now)}</span>
            {n.readAt === undefined && (
              <button
                type="button"
                className="button small"
                onClick={() => {
                  void api.notifications.markRead(n.id).then(() => {
                    notifications.reload();
                    onRead?.();
                  });
                }}
              >
                {t('alerts.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
