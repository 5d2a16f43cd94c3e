import type { AddedMember, Role } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { useSession } from '../../auth/session-context';
import { formatDateTime } from '../../format/relative-time';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNote } from '../../ui/ErrorNote';
import { RoleOptions } from '../../ui/RoleOptions';
import { useAction } from '../../ui/use-action';
import { useLoad } from '../../ui/use-load';
import { WorkspaceCard } from './WorkspaceCard';

/**
 * Settings → Team: the members of this workspace and their roles. Admins invite by e-mail (a new
 * person gets a one-time invitation link, shown here once), change roles and remove members.
 */
export function TeamPanel() {
  const { t, i18n } = useTranslation();
  const { session, can, refresh } = useSession();
  const admin = can('admin');
  const members = useLoad(() => api.members.list(), 'members');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [added, setAdded] = useState<AddedMember>();
  const { busy, error, run: act } = useAction(members.reload);

  return (
    <div className="stack">
    {admin && <WorkspaceCard />}
    <section className="card" aria-label={t('team.title')}>
      <h2>{t('team.title')}</h2>
      <p className="muted">{t('team.help')}</p>
      {admin && (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              setAdded(await api.members.add({ email: email.trim(), role, name: name.trim() || undefined }));
              setEmail('');
              setName('');
            });
          }}
        >
          <label className="field grow">
            <span>{t('team.inviteEmail')}</span>
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('team.inviteName')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('team.roleLabel')}</span>
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions />
            </select>
          </label>
          <div className="field field-button">
            <button type="submit" className="button primary" disabled={busy}>
              {t('team.invite')}
            </button>
          </div>
        </form>
      )}
      {added && (
        <div role="status" className="secret-box" data-testid="member-added">
          <p className="qe-ok">{t('team.added', { email: added.member.email })}</p>
          {added.inviteUrl !== undefined && (
            <>
              <p>{t('team.inviteLink')}</p>
              <CopyField value={added.inviteUrl} />
            </>
          )}
        </div>
      )}
      <ErrorNote error={error ?? members.error} />
      {members.data?.length === 0 && <p className="muted">{t('team.empty')}</p>}
      <ul className="row-list" aria-label={t('team.title')}>
        {members.data?.map((member) => {
          const self = member.userId === session.user?.id;
          return (
            <li key={member.userId} className="row-item" data-testid="member">
              <div className="row-main">
                <strong>{member.name || member.email}</strong>
                {self && <span className="badge">{t('team.you')}</span>}
                {member.pending === true && <span className="badge status-pending">{t('team.pending')}</span>}
                <span className="muted"> {member.email}</span>
                <span className="muted small"> · {t('team.since', { when: formatDateTime(member.createdAt, i18n.language) })}</span>
              </div>
              {admin ? (
                <>
                  <select
                    aria-label={t('team.changeRole', { email: member.email })}
                    value={member.role}
                    disabled={busy}
                    onChange={(e) =>
                      void act(async () => {
                        await api.members.setRole(member.userId, e.target.value as Role);
                        // My own role changed: what I may do changed with it.
                        if (self) await refresh();
                      })
                    }
                  >
                    <RoleOptions />
                  </select>
                  <ConfirmButton question={t('team.confirmRemove', { email: member.email })} disabled={busy} onConfirmed={() => void act(() => api.members.remove(member.userId))}>
                    {t('team.remove')}
                  </ConfirmButton>
                </>
              ) : (
                <span className="badge">{t(`role.${member.role}`)}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
    </div>
  );
}

/** A value to copy (a secret, a link): selectable text and a copy button. */
export function CopyField({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <code aria-label={label}>{value}</code>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          navigator.clipboard.writeText(value).then(
            () => setCopied(true),
            // Clipboard refused (insecure origin, permissions): the text stays there to select by hand.
            () => setCopied(false),
          );
        }}
      >
        {copied ? t('tokens.copied') : t('tokens.copy')}
      </button>
    </div>
  );
}
