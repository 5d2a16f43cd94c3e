import type { Permission } from '@vigie/client';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { AccountsPanel } from './AccountsPanel';
import { AuditPanel } from './AuditPanel';
import { DataPanel } from './DataPanel';
import { SourcesPanel } from './SourcesPanel';
import { TeamPanel } from './TeamPanel';
import { TokensPanel } from './TokensPanel';
import { TopicsPanel } from './TopicsPanel';

/** The tabs of Settings and the permission each needs to be shown. */
const TABS = [
  { id: 'topics', needs: 'read' },
  { id: 'sources', needs: 'read' },
  { id: 'accounts', needs: 'read' },
  { id: 'team', needs: 'read' },
  { id: 'tokens', needs: 'admin' },
  { id: 'audit', needs: 'admin' },
  { id: 'data', needs: 'read' },
] as const satisfies readonly { id: string; needs: Permission }[];

export type SettingsTab = (typeof TABS)[number]['id'];

/** `/settings/tokens` → tokens; anything unknown → topics. */
export function settingsTabOf(path: string): SettingsTab {
  const id = path.split('/')[2];
  return TABS.find((tab) => tab.id === id)?.id ?? 'topics';
}

/** Settings, with one tab per thing to configure; tabs the role cannot use are not shown. */
export function SettingsPage({ tab }: { tab: SettingsTab }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const visible = TABS.filter((item) => can(item.needs));
  const current = visible.some((item) => item.id === tab) ? tab : 'topics';
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('settings.title')}>
        {visible.map(({ id }) => (
          <a key={id} href={`#/settings/${id}`} className={current === id ? 'tab active' : 'tab'} aria-current={current === id ? 'page' : undefined}>
            {t(`settings.${id}`)}
          </a>
        ))}
      </nav>
      {current === 'topics' && <TopicsPanel />}
      {current === 'sources' && <SourcesPanel />}
      {current === 'accounts' && <AccountsPanel />}
      {current === 'team' && <TeamPanel />}
      {current === 'tokens' && <TokensPanel />}
      {current === 'audit' && <AuditPanel />}
      {current === 'data' && <DataPanel />}
    </section>
  );
}
