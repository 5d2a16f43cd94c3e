import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AREAS, type AreaId } from '../areas';
import { changeLanguage } from '../i18n/setup-i18n';
import { LANGUAGES } from '../i18n/pick-language';
import { NavIcon } from './NavIcon';
import { AlertsNavBadge } from '../areas/alerts/AlertsNavBadge';
import { UserMenu } from './UserMenu';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

/** Left navigation, language switch, the top bar (workspace, account) and the main content area. */
export function Shell({ area, children }: { area: AreaId; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const title = t(`nav.${area}`);
  useEffect(() => {
    document.title = `${title} — Vigie`;
  }, [title]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand-name">Vigie</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {AREAS.map((item) => (
              <li key={item.id}>
                <a
                  href={`#${item.path}`}
                  className={item.id === area ? 'nav-link active' : 'nav-link'}
                  aria-current={item.id === area ? 'page' : undefined}
                >
                  <NavIcon area={item.id} />
                  <span>{t(`nav.${item.id}`)}</span>
                  {item.id === 'alerts' && <AlertsNavBadge />}
                  {!item.ready && (
                    <span className="nav-soon" title={t('nav.soon')}>
                      <span className="visually-hidden">({t('nav.soon')})</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="lang-switch" role="group" aria-label={t('nav.language')}>
          {LANGUAGES.map((lng) => (
            <button
              key={lng}
              type="button"
              className={i18n.language === lng ? 'lang-button active' : 'lang-button'}
              aria-pressed={i18n.language === lng}
              lang={lng}
              onClick={() => void changeLanguage(lng)}
            >
              {lng === 'fr' ? 'Français' : 'English'}
            </button>
          ))}
        </div>
      </aside>
      <div className="main-column">
        <header className="topbar">
          <WorkspaceSwitcher />
          <span className="spacer" />
          <UserMenu />
        </header>
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
