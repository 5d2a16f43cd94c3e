import { ComingSoonPage } from './areas/ComingSoonPage';
import { DashboardPage } from './areas/dashboard/DashboardPage';
import { MentionsPage } from './areas/mentions/MentionsPage';
import { SettingsPage, settingsTabOf } from './areas/settings/SettingsPage';
import { InboxPage } from './areas/inbox/InboxPage';
import { AlertsPage } from './areas/alerts/AlertsPage';
import { AccountPage } from './areas/account/AccountPage';
import { areaOfRoute } from './areas';
import { AuthGate } from './auth/AuthGate';
import { Shell } from './layout/Shell';
import { useHashRoute } from './use-hash-route';

/** The application: behind the sign-in gate, the shell (navigation, language, account) around the page of the current area. */
export function App() {
  const route = useHashRoute();
  const area = areaOfRoute(route);
  const [path = '/', search = ''] = route.split('?');
  const params = new URLSearchParams(search);
  return (
    <AuthGate route={route}>
      <Shell area={area}>
        {path === '/account' ? (
          <AccountPage />
        ) : (
          <>
            {area === 'dashboard' && <DashboardPage />}
            {area === 'mentions' && <MentionsPage key={search} initialTopic={params.get('topic') ?? ''} />}
            {area === 'inbox' && <InboxPage />}
            {area === 'alerts' && <AlertsPage path={path} />}
            {area === 'settings' && <SettingsPage tab={settingsTabOf(path)} />}
            {area !== 'dashboard' && area !== 'mentions' && area !== 'settings' && area !== 'inbox' && area !== 'alerts' && <ComingSoonPage area={area} />}
          </>
        )}
      </Shell>
    </AuthGate>
  );
}
