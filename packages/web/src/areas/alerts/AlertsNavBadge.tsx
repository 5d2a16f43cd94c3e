import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';

/**
 * Unread in-app notifications, refreshed every 30 s and when one is marked read; nothing when
 * there are none. Shown on the Notifications tab, and meant for the Alerts link of the navigation.
 */
export function AlertsNavBadge() {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let alive = true;
    const refresh = () => {
      api.notifications.list().then(
        (n) => alive && setUnread(n.unread),
        // A failed refresh keeps the last count; the Alerts page shows the error itself.
        () => undefined,
      );
    };
    refresh();
    const timer = setInterval(refresh, 30_000);
    window.addEventListener('vigie:notifications-read', refresh);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('vigie:notifications-read', refresh);
    };
  }, []);
  if (unread === 0) return null;
  return (
    <span className="nav-count" aria-label={t('alerts.unread', { count: unread })}>
      {unread}
    </span>
  );
}
