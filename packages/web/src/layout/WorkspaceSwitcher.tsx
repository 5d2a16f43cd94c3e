import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client';
import { useSession } from '../auth/session-context';
import { ErrorNote } from '../ui/ErrorNote';
import { useAction } from '../ui/use-action';
import { useLoad } from '../ui/use-load';

/** The workspaces I belong to; choosing one reloads every page for it. Signed-in people may create one. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const { session, switchWorkspace } = useSession();
  const list = useLoad(() => api.workspaces.list(), `workspaces:${session.workspace.id}`);
  const workspaces = list.data ?? session.workspaces;
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const { busy, error, run: act } = useAction();

  return (
    <div className="workspace-switcher">
      <label className="field inline-field">
        <span>{t('account.workspace')}</span>
        <select value={session.workspace.id} disabled={busy} onChange={(e) => void act(() => switchWorkspace(e.target.value))}>
          {workspaces.some((w) => w.id === session.workspace.id) ? null : <option value={session.workspace.id}>{session.workspace.name}</option>}
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      {session.via === 'session' && !creating && (
        <button type="button" className="button ghost" onClick={() => setCreating(true)}>
          + {t('account.newWorkspace')}
        </button>
      )}
      {creating && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              const created = await api.workspaces.create({ name: name.trim() });
              setCreating(false);
              setName('');
              await switchWorkspace(created.id);
            });
          }}
        >
          <input aria-label={t('account.newWorkspaceName')} placeholder={t('account.newWorkspaceName')} required value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button primary" disabled={busy}>
            {t('account.create')}
          </button>
          <button type="button" className="button ghost" onClick={() => setCreating(false)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
