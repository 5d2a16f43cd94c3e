import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { useSession } from '../../auth/session-context';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';

/**
 * The current workspace itself (admins): rename it, or delete it and everything in it after
 * typing its slug. The server refuses to delete the instance's first or last workspace.
 */
export function WorkspaceCard() {
  const { t } = useTranslation();
  const { session, refresh, switchWorkspace } = useSession();
  const [name, setName] = useState(session.workspace.name);
  const [confirm, setConfirm] = useState('');
  const [renamed, setRenamed] = useState(false);
  const { busy, error, run: act } = useAction();
  const others = session.workspaces.filter((w) => w.id !== session.workspace.id);

  return (
    <section className="card" aria-label={t('workspace.title')}>
      <h2>{t('workspace.title')}</h2>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await api.workspaces.rename(name.trim());
            setRenamed(true);
            await refresh();
          });
        }}
      >
        <label className="field grow">
          <span>{t('workspace.name')}</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="field field-button">
          <button type="submit" className="button secondary" disabled={busy || name.trim() === session.workspace.name}>
            {t('workspace.rename')}
          </button>
        </div>
      </form>
      {renamed && (
        <p className="qe-ok" role="status">
          {t('workspace.renamed')}
        </p>
      )}
      {others.length > 0 && (
        <details className="danger-zone">
          <summary>{t('workspace.deleteTitle')}</summary>
          <p className="muted">{t('workspace.deleteHelp')}</p>
          <form
            className="form-grid"
            onSubmit={(e) => {
              e.preventDefault();
              const next = others[0];
              if (next === undefined) return;
              void act(async () => {
                await api.workspaces.delete(confirm.trim());
                // This tab named the deleted workspace: name the next one before moving the session there.
                api.setWorkspace(next.id);
                await switchWorkspace(next.id);
              });
            }}
          >
            <label className="field grow">
              <span>{t('workspace.deleteConfirm', { slug: session.workspace.slug })}</span>
              <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
            </label>
            <div className="field field-button">
              <button type="submit" className="button secondary danger" disabled={busy || confirm.trim() !== session.workspace.slug}>
                {t('workspace.delete')}
              </button>
            </div>
          </form>
        </details>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
