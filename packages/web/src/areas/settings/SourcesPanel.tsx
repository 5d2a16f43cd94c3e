import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { AddSourceForm } from './AddSourceForm';
import { IntakesPanel } from './IntakesPanel';
import { OpmlImport } from './OpmlImport';
import { SourceRow } from './SourceRow';
import { useCan } from '../../auth/session-context';

/** Settings → Sources: what Vigie watches, how each source is doing, and adding more. */
export function SourcesPanel() {
  const { t } = useTranslation();
  const sources = useLoad(() => api.sources.list(), 'sources');
  const canConfigure = useCan('configure');
  return (
    <div className="stack">
      {canConfigure && (
        <div className="two-columns wide-first">
          <AddSourceForm onAdded={sources.reload} />
          <OpmlImport onImported={sources.reload} />
        </div>
      )}
      <ErrorNote error={sources.error} />
      {sources.data?.length === 0 && (
        <div className="card empty-state">
          <p className="empty-title">{t('sources.empty')}</p>
        </div>
      )}
      <ul className="source-list">
        {sources.data?.map((s) => (
          <SourceRow key={s.id} source={s} onChanged={sources.reload} />
        ))}
      </ul>
      {canConfigure && <IntakesPanel />}
    </div>
  );
}
