import type { EraseAuthorResult } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { useSession } from '../../auth/session-context';
import { ConnectorOptions } from '../../ui/ConnectorOptions';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';
import { useLoad } from '../../ui/use-load';

/**
 * Settings → Data (issue 6 §5): download the whole workspace as JSON Lines, erase one author's
 * mentions and conversations (after a confirmation naming them), and the retention of mentions.
 * Export and erasure are for admins; everyone sees the retention.
 */
export function DataPanel() {
  const { t } = useTranslation();
  const { session } = useSession();
  const admin = session.permissions.includes('admin');
  return (
    <div className="stack">
      {admin && (
        <section className="card" aria-label={t('dataRights.exportTitle')}>
          <h2>{t('dataRights.exportTitle')}</h2>
          <p className="muted">{t('dataRights.exportHelp')}</p>
          <div className="form-actions">
            <a className="button secondary" href={api.workspaces.exportUrl()} download={`vigie-${session.workspace.slug}.jsonl`}>
              {t('dataRights.exportButton')}
            </a>
          </div>
        </section>
      )}
      {admin && <EraseAuthor />}
      <Retention admin={admin} />
    </div>
  );
}

function EraseAuthor() {
  const { t } = useTranslation();
  const connectors = useLoad(() => api.connectors.list(), 'connectors');
  const [handle, setHandle] = useState('');
  const [connector, setConnector] = useState('');
  const [result, setResult] = useState<EraseAuthorResult & { handle: string }>();
  const { busy, error, run } = useAction();

  const erase = async (): Promise<void> => {
    const who = handle.trim();
    const where = connector === '' ? '' : t('dataRights.confirmEraseOn', { connector: t(`connector.${connector}`, { defaultValue: connector }) });
    if (!window.confirm(t('dataRights.confirmErase', { handle: who, where }))) return;
    setResult(undefined);
    await run(async () => {
      const done = await api.data.eraseAuthor({ handle: who, connector: connector || undefined });
      setResult({ ...done, handle: who });
      setHandle('');
    });
  };
  return (
    <section className="card" aria-label={t('dataRights.eraseTitle')}>
      <h2>{t('dataRights.eraseTitle')}</h2>
      <p className="muted">{t('dataRights.eraseHelp')}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void erase();
        }}
      >
        <label className="field grow">
          <span>{t('dataRights.handle')}</span>
          <input required value={handle} onChange={(e) => setHandle(e.target.value)} placeholder="@auteur" />
        </label>
        <label className="field">
          <span>{t('dataRights.connector')}</span>
          <select value={connector} onChange={(e) => setConnector(e.target.value)}>
            <option value="">{t('dataRights.anyConnector')}</option>
            <ConnectorOptions connectors={connectors.data ?? []} />
          </select>
        </label>
        <div className="field field-button">
          <button type="submit" className="button secondary danger" disabled={busy}>
            {t('dataRights.eraseButton')}
          </button>
        </div>
      </form>
      {result && (
        <p className="qe-ok" role="status">
          {t('dataRights.erased', { mentions: result.deletedMentions, conversations: result.deletedConversations, handle: result.handle })}
        </p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}

function Retention({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const retention = useLoad(() => api.workspaces.retention(), 'retention');
  const [days, setDays] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { busy, error, run } = useAction(retention.reload);
  const current = retention.data?.mentionDays;
  const value = days ?? (current === null || current === undefined ? '' : String(current));

  const save = async (): Promise<void> => {
    const mentionDays = value.trim() === '' ? null : Number(value);
    if (mentionDays !== null && (!Number.isInteger(mentionDays) || mentionDays < 7)) {
      setProblem(t('dataRights.retentionMin'));
      return;
    }
    setProblem(undefined);
    setSaved(false);
    await run(async () => {
      await api.workspaces.setRetention(mentionDays);
      setSaved(true);
      setDays(undefined);
    });
  };
  return (
    <section className="card" aria-label={t('dataRights.retentionTitle')}>
      <h2>{t('dataRights.retentionTitle')}</h2>
      <p className="muted">{t('dataRights.retentionHelp')}</p>
      {retention.data && (
        <p>{current === null || current === undefined ? t('dataRights.retentionForever') : t('dataRights.retentionCurrent', { days: current })}</p>
      )}
      {admin && (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="field">
            <span>{t('dataRights.retentionDays')}</span>
            <input type="number" value={value} onChange={(e) => setDays(e.target.value)} aria-invalid={problem !== undefined} />
          </label>
          <div className="field field-button">
            <button type="submit" className="button primary" disabled={busy}>
              {t('common.save')}
            </button>
          </div>
        </form>
      )}
      {problem !== undefined && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {saved && (
        <p className="qe-ok" role="status">
          {t('dataRights.retentionSaved')}
        </p>
      )}
      <ErrorNote error={error ?? retention.error} />
    </section>
  );
}
