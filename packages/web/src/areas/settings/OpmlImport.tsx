import type { OpmlImportResult } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';

/** Imports the feeds of an OPML file (the export format of every feed reader). */
export function OpmlImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<OpmlImportResult>();
  const { busy, error, run } = useAction(onImported);

  const upload = async (file: File): Promise<void> => {
    setResult(undefined);
    await run(async () => setResult(await api.sources.importOpml(await file.text())));
  };

  return (
    <div className="card opml">
      <h2>{t('sources.opmlTitle')}</h2>
      <p className="muted">{t('sources.opmlFile')}</p>
      {/* The native file button speaks the browser's language, not ours: a labelled button instead. */}
      <label className={busy ? 'button secondary file-button disabled' : 'button secondary file-button'}>
        {busy ? t('common.loading') : t('sources.opmlChoose')}
        <input
          className="visually-hidden"
          type="file"
          accept=".opml,.xml,text/xml,text/x-opml"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = '';
          }}
        />
      </label>
      {result && (
        <div role="status">
          <p>{t('sources.opmlCreated', { count: result.created.length })}</p>
          {result.errors.length > 0 && (
            <ul className="field-error">
              {result.errors.map((err) => (
                <li key={`${err.line ?? ''}-${err.message}`}>
                  {err.line === undefined ? err.message : t('sources.opmlLine', { line: err.line, message: err.message })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
