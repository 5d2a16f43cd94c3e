import type { InboxDigestSettingsView, InboxDigestView, OwnAccountView } from '@vigie/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';

/** Networks whose own accounts can be named (those that carry conversations). */
const NETWORKS: OwnAccountView['connector'][] = ['mastodon', 'bluesky', 'x', 'facebook', 'instagram', 'youtube', 'linkedin', 'reddit', 'hackernews'];

/**
 * Inbox settings: our own accounts per network (their posts never enter the inbox, replies to
 * them do) and the low-priority digest (hour, time zone, recipients, language, preview).
 */
export function InboxSettingsPanel({ canConfigure }: { canConfigure: boolean }) {
  const { t } = useTranslation();
  const [accounts, setAccounts] = useState<OwnAccountView[]>([]);
  const [digest, setDigest] = useState<InboxDigestSettingsView>();
  const [recipients, setRecipients] = useState('');
  const [preview, setPreview] = useState<InboxDigestView>();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    Promise.all([api.inbox.ownAccounts(), api.inbox.digestSettings()]).then(([own, settings]) => {
      setAccounts(own);
      setDigest(settings);
      setRecipients(settings.recipients.join(', '));
    }, setError);
  }, []);

  const save = async (): Promise<void> => {
    if (!digest) return;
    setError(undefined);
    setSaved(false);
    try {
      const own = await api.inbox.setOwnAccounts(accounts.filter((a) => a.handle.trim() !== ''));
      const settings = await api.inbox.setDigestSettings({ ...digest, recipients: recipients.split(/[,;\s]+/).filter((r) => r !== '') });
      setAccounts(own);
      setDigest(settings);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };

  const change = (index: number, patch: Partial<OwnAccountView>): void => setAccounts((list) => list.map((a, i) => (i === index ? { ...a, ...patch } : a)));

  return (
    <section className="card stack inbox-settings" aria-label={t('inbox.settings.title')}>
      <h2>{t('inbox.settings.title')}</h2>
      <h3>{t('inbox.settings.ownAccounts')}</h3>
      <p className="muted">{t('inbox.settings.ownHelp')}</p>
      {accounts.map((a, i) => (
        <div key={i} className="own-row">
          <label className="field">
            <span>{t('inbox.settings.network')}</span>
            <select value={a.connector} disabled={!canConfigure} onChange={(e) => change(i, { connector: e.target.value as OwnAccountView['connector'] })}>
              {NETWORKS.map((n) => <option key={n} value={n}>{t(`connector.${n}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('inbox.settings.handle')}</span>
            <input value={a.handle} disabled={!canConfigure} placeholder="@velotys@mastodon.social" onChange={(e) => change(i, { handle: e.target.value })} />
          </label>
          {canConfigure && <button type="button" className="button" aria-label={t('inbox.settings.remove', { handle: a.handle })} onClick={() => setAccounts((list) => list.filter((_, j) => j !== i))}>×</button>}
        </div>
      ))}
      {canConfigure && <button type="button" className="button" onClick={() => setAccounts((list) => [...list, { connector: 'mastodon', handle: '' }])}>{t('inbox.settings.add')}</button>}

      <h3>{t('inbox.settings.digest')}</h3>
      <p className="muted">{t('inbox.settings.digestHelp')}</p>
      {digest && (
        <div className="stack">
          <label><input type="checkbox" checked={digest.enabled} disabled={!canConfigure} onChange={(e) => setDigest({ ...digest, enabled: e.target.checked })} /> {t('inbox.settings.enabled')}</label>
          <div className="own-row">
            <label className="field">
              <span>{t('inbox.settings.hour')}</span>
              <select value={digest.hour} disabled={!canConfigure} onChange={(e) => setDigest({ ...digest, hour: Number(e.target.value) })}>
                {Array.from({ length: 24 }, (_, h) => <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('inbox.settings.timeZone')}</span>
              <input value={digest.timeZone} disabled={!canConfigure} onChange={(e) => setDigest({ ...digest, timeZone: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('inbox.settings.language')}</span>
              <select value={digest.locale} disabled={!canConfigure} onChange={(e) => setDigest({ ...digest, locale: e.target.value === 'en' ? 'en' : 'fr' })}>
                <option value="fr">Français</option>
                <option value="en">English</option>
              </select>
            </label>
          </div>
          <label className="field">
            <span>{t('inbox.settings.recipients')}</span>
            <input value={recipients} disabled={!canConfigure} placeholder="cm@velotys.example" onChange={(e) => setRecipients(e.target.value)} />
          </label>
        </div>
      )}
      <div className="form-actions">
        {canConfigure && <button type="button" className="button primary" onClick={() => void save()}>{t('inbox.settings.save')}</button>}
        <button type="button" className="button" onClick={() => void api.inbox.previewDigest(digest?.locale).then(setPreview, setError)}>{t('inbox.settings.preview')}</button>
        {saved && <span role="status" className="muted">{t('inbox.settings.saved')}</span>}
      </div>
      {preview && (
        <div className="stack" aria-label={t('inbox.settings.preview')}>
          <strong>{preview.subject}</strong>
          <p className="muted">{t('inbox.settings.previewCount', { count: preview.count })}</p>
          <ul>{preview.byReason.map((r) => <li key={r.reason}>{r.label} : {r.count}</li>)}</ul>
          <ol>{preview.items.map((i) => <li key={i.id}><strong>{i.author}</strong> {i.preview}{i.url && <> · <a className="link-out" href={i.url} target="_blank" rel="noreferrer noopener">{t('inbox.openOnNetwork')}</a></>}</li>)}</ol>
        </div>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
