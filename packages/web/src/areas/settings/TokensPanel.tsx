import { ROLE_RANK, ROLES, type NewApiToken, type Role } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { useSession } from '../../auth/session-context';
import { formatDateTime, formatRelativeTime } from '../../format/relative-time';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNote } from '../../ui/ErrorNote';
import { RoleOptions } from '../../ui/RoleOptions';
import { useAction } from '../../ui/use-action';
import { useLoad } from '../../ui/use-load';
import { CopyField } from './TeamPanel';

/**
 * Settings → API tokens: list (prefix, role, last use), create (the secret is shown once, with a
 * copy button and a warning), revoke. A token cannot get a higher role than its creator's.
 */
export function TokensPanel() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const tokens = useLoad(() => api.tokens.list(), 'tokens');
  const roles = ROLES.filter((r) => ROLE_RANK[r] <= ROLE_RANK[session.role]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<NewApiToken>();
  const { busy, error, run: act } = useAction(tokens.reload);

  return (
    <section className="card" aria-label={t('tokens.title')}>
      <h2>{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.help')}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            const expiresInDays = days.trim() === '' ? undefined : Number(days);
            setCreated(await api.tokens.create({ name: name.trim(), role, expiresInDays }));
            setName('');
            setDays('');
          });
        }}
      >
        <label className="field grow">
          <span>{t('tokens.name')}</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="CI export" />
        </label>
        <label className="field">
          <span>{t('team.roleLabel')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <RoleOptions roles={roles} />
          </select>
        </label>
        <label className="field">
          <span>{t('tokens.expires')}</span>
          <input type="number" min={1} value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <div className="field field-button">
          <button type="submit" className="button primary" disabled={busy}>
            {t('tokens.create')}
          </button>
        </div>
      </form>
      {created && (
        <div role="status" className="secret-box" data-testid="token-created">
          <p className="warning-text">{t('tokens.secretOnce')}</p>
          <CopyField value={created.secret} label={created.token.name} />
        </div>
      )}
      <ErrorNote error={error ?? tokens.error} />
      {tokens.data?.length === 0 && <p className="muted">{t('tokens.empty')}</p>}
      <ul className="row-list" aria-label={t('tokens.title')}>
        {tokens.data?.map((token) => (
          <li key={token.id} className="row-item" data-testid="token">
            <div className="row-main">
              <strong>{token.name}</strong> <span className="badge">{t(`role.${token.role}`)}</span>{' '}
              <span className="muted small">
                {t('tokens.prefix')} <code>{token.prefix}…</code> ·{' '}
                {token.lastUsedAt ? t('tokens.lastUsed', { when: formatRelativeTime(token.lastUsedAt, i18n.language) }) : t('tokens.neverUsed')}
                {token.expiresAt && <> · {t('tokens.expiresAt', { when: formatDateTime(token.expiresAt, i18n.language) })}</>}
              </span>
            </div>
            {token.revokedAt ? (
              <span className="badge status-disabled">{t('tokens.revoked')}</span>
            ) : (
              <ConfirmButton question={t('tokens.confirmRevoke', { name: token.name })} disabled={busy} onConfirmed={() => void act(() => api.tokens.revoke(token.id))}>
                {t('tokens.revoke')}
              </ConfirmButton>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
