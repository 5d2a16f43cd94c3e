import type { AuditEntryView } from '@vigie/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { formatDateTime } from '../../format/relative-time';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';

/** The audit actions one can filter on (docs/identity.md); the server may record more. */
export const AUDIT_ACTIONS = [
  'session.login',
  'session.login_failed',
  'session.logout',
  'session.password_changed',
  'password_reset.requested',
  'password_reset.completed',
  'setup.owner_created',
  'member.add',
  'member.role',
  'member.remove',
  'token.create',
  'token.revoke',
  'workspace.create',
  'workspace.rename',
  'workspace.delete',
  'source.create',
  'source.update',
  'source.delete',
  'account.connect',
  'account.delete',
  'secrets.rotate',
  'data.export',
  'data.erase_author',
  'data.retention',
  'reply.send',
  'reply.approve',
] as const;

const PAGE = 50;

interface Filter {
  action: string;
  since: string;
  until: string;
}

/** A date input (`2026-05-01`) as the start or the end of that day, in the browser's time zone. */
function dayBound(day: string, end: boolean): string | undefined {
  if (day === '') return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** Settings → Audit log: who did what, newest first, filtered by action and dates, a page at a time. */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filter>({ action: '', since: '', until: '' });
  const [items, setItems] = useState<AuditEntryView[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const [applied, setApplied] = useState<Filter>();

  const load = async (filter: Filter, after?: string): Promise<void> => {
    await run(async () => {
      const page = await api.audit.list({ action: filter.action || undefined, since: dayBound(filter.since, false), until: dayBound(filter.until, true), limit: PAGE, cursor: after });
      setItems((previous) => (after === undefined ? page.items : [...(previous ?? []), ...page.items]));
      setCursor(page.nextCursor);
      setApplied(filter);
    });
  };
  useEffect(() => {
    void load({ action: '', since: '', until: '' });
    // Once, on opening the tab; later loads come from the form and "older entries".
  }, []);

  return (
    <section className="card" aria-label={t('audit.title')}>
      <h2>{t('audit.title')}</h2>
      <p className="muted">{t('audit.help')}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void load(draft);
        }}
      >
        <label className="field grow">
          <span>{t('audit.action')}</span>
          <select value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            <option value="">{t('audit.allActions')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.since')}</span>
          <input type="date" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('audit.until')}</span>
          <input type="date" value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.target.value })} />
        </label>
        <div className="field field-button">
          <button type="submit" className="button secondary" disabled={busy}>
            {t('audit.filter')}
          </button>
        </div>
      </form>
      <ErrorNote error={error} />
      {items?.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {items !== undefined && items.length > 0 && (
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id} data-testid="audit-entry">
                <td>{formatDateTime(entry.at, i18n.language)}</td>
                <td>
                  {entry.actor.label} <span className="muted small">({t(`audit.kind.${entry.actor.kind}`, { defaultValue: entry.actor.kind })})</span>
                </td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td className="audit-target">{entry.target ?? ''}</td>
                <td className="audit-details">
                  {entry.details !== undefined && Object.keys(entry.details).length > 0 ? <code>{JSON.stringify(entry.details)}</code> : ''}
                  {entry.ip !== undefined && <span className="muted small"> {entry.ip}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor !== null && applied !== undefined && (
        <button type="button" className="button secondary load-more" disabled={busy} onClick={() => void load(applied, cursor)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
