import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';

/** Who is signed in, their role here, and the way out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const menu = useRef<HTMLDetailsElement>(null);
  const label = session.user ? session.user.name || session.user.email : (session.token?.name ?? '');
  return (
    <details className="user-menu" ref={menu}>
      <summary aria-label={t('account.menu')}>
        <span className="user-avatar" aria-hidden="true">
          {label.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-name">{label}</span>
      </summary>
      {/* Any choice in the panel closes it (the page behind changes). */}
      <div
        className="user-menu-panel"
        onClick={() => {
          if (menu.current) menu.current.open = false;
        }}
      >
        <p>
          <strong>{label}</strong>
          <br />
          <span className="muted">{session.user?.email ?? session.token?.prefix}</span>
        </p>
        <p className="muted small">{t('account.role', { role: t(`role.${session.role}`) })}</p>
        {session.via === 'token' && <p className="muted small">{t('account.viaToken')}</p>}
        {session.via === 'session' && (
          <a className="button ghost" href="#/account">
            {t('account.changePassword')}
          </a>
        )}
        {session.via === 'session' && (
          <button type="button" className="button secondary" onClick={() => void signOut()}>
            {t('account.signOut')}
          </button>
        )}
      </div>
    </details>
  );
}
