import type { FetchResult, Source } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatDateTime, formatRelativeTime } from '../../format/relative-time';
import { ErrorNote } from '../../ui/ErrorNote';
import { OptimisticToggle } from '../../ui/OptimisticToggle';
import { useAction } from '../../ui/use-action';
import { useCan } from '../../auth/session-context';

function When({ iso }: { iso?: string }) {
  const { t, i18n } = useTranslation();
  if (!iso) return <span className="muted">{t('sources.never')}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso, i18n.language)}>
      {formatRelativeTime(iso, i18n.language)}
    </time>
  );
}

/** One source with its health, and the actions: fetch now, enable/disable, delete. */
export function SourceRow({ source, onChanged }: { source: Source; onChanged: () => void }) {
  const { t } = useTranslation();
  const canConfigure = useCan('configure');
  const [result, setResult] = useState<FetchResult>();
  const { busy, error, run: act } = useAction(onChanged);
  const url = typeof source.config.url === 'string' ? source.config.url : undefined;
  const { health } = source;
  // A source switched off may keep its last health status; what matters to the user is that it is off.
  const status = source.enabled ? health.status : 'disabled';

  return (
    <li className="card source-row" data-testid="source">
      <div className="source-main">
        <div className="source-title">
          <span className={`badge status-${status}`}>{t(`sourceStatus.${status}`)}</span>
          <strong>{source.name}</strong>
          <span className="badge">{t(`connector.${source.connector}`, { defaultValue: source.connector })}</span>
        </div>
        {url && <span className="muted source-url">{url}</span>}
        <dl className="source-health">
          <div>
            <dt>{t('sources.lastSuccess')}</dt>
            <dd>
              <When iso={health.lastSuccessAt} />
            </dd>
          </div>
          <div>
            <dt>{t('sources.nextRun')}</dt>
            <dd>{source.enabled ? <When iso={health.nextRunAt} /> : <span className="muted">—</span>}</dd>
          </div>
          {health.lastRun && (
            <div>
              <dt>{t('sources.lastRun')}</dt>
              <dd>{t('sources.runCounts', { fetched: health.lastRun.fetched, inserted: health.lastRun.inserted })}</dd>
            </div>
          )}
        </dl>
        {health.lastError && health.status !== 'ok' && (
          <p className="field-error">
            {t('sources.lastError')} : {health.lastError.message} <code>{health.lastError.code}</code>
          </p>
        )}
        {result && (
          <p role="status" className={result.error ? 'field-error' : 'qe-ok'}>
            {result.error
              ? `${t('sources.fetchFailed')} : ${result.error.message}`
              : t('sources.fetchDone', { fetched: result.fetched, inserted: result.inserted })}
          </p>
        )}
        <ErrorNote error={error} />
      </div>
      {canConfigure && (
      <div className="source-actions">
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void act(async () => setResult(await api.sources.fetch(source.id)))}
        >
          {busy ? t('common.loading') : t('sources.fetchNow')}
        </button>
        <OptimisticToggle
          label={t('sources.enabled')}
          checked={source.enabled}
          disabled={busy}
          onToggle={(enabled) => act(async () => void (await api.sources.update(source.id, { enabled })))}
        />
        <ConfirmButton question={t('sources.confirmDelete', { name: source.name })} disabled={busy} onConfirmed={() => void act(() => api.sources.delete(source.id))}>
          {t('common.delete')}
        </ConfirmButton>
      </div>
      )}
    </li>
  );
}
