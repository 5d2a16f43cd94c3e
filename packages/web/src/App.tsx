import { ComingSoonPage } from './areas/ComingSoonPage';
import { DashboardPage } from './areas/dashboard/DashboardPage';
import { MentionsPage } from './areas/mentions/MentionsPage';
import { SettingsPage } from './areas/settings/SettingsPage';
import { InboxPage } from './areas/inbox/InboxPage';
import { AlertsPage } from './areas/alerts/AlertsPage';
import { areaOfRoute } from './areas';
import { Shell } from './layout/Shell';
import { useHashRoute } from './use-hash-route';

/** The application: the shell (navigation, language) around the page of the current area. */
export function App() {
  const route = useHashRoute();
  const area = areaOfRoute(route);
  const [path = '/', search = ''] = route.split('?');
  const params = new URLSearchParams(search);
  return (
    <Shell area={area}>
      {area === 'dashboard' && <DashboardPage />}
      {area === 'mentions' && <MentionsPage key={search} initialTopic={params.get('topic') ?? ''} />}
      {area === 'inbox' && <InboxPage />}
      {area === 'alerts' && <AlertsPage path={path} />}
      {area === 'settings' && <SettingsPage tab={path.split('/')[2] === 'sources' ? 'sources' : 'topics'} />}
      {area !== 'dashboard' && area !== 'mentions' && area !== 'settings' && area !== 'inbox' && area !== 'alerts' && <ComingSoonPage area={area} />}
    </Shell>
  );
}
