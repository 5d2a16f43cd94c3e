import { isClientError } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';

/** Adds an RSS/Atom feed by URL; a problem with the URL is shown right under the field. */
export function AddSourceForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  // Problems with the URL (invalid, already a source) go under the field; anything else below the form.
  const urlProblem = isClientError(error) ? error.details.find((d) => d.field === 'url' || d.field?.startsWith('config')) : undefined;
  const fieldError = urlProblem && isClientError(error) ? (error.code === 'validation_failed' ? urlProblem.message : error.message) : undefined;

  const submit = async (): Promise<void> => {
    setSaving(true);
    setError(undefined);
    try {
      await api.sources.create({ connector: 'rss', url: url.trim(), name: name.trim() || undefined });
      setUrl('');
      setName('');
      onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="card add-source"
      aria-label={t('sources.addTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (url.trim() !== '') void submit();
      }}
    >
      <h2>{t('sources.addTitle')}</h2>
      <div className="form-grid">
        <label className="field grow">
          <span>{t('sources.url')}</span>
          <input
            type="url"
            value={url}
            required
            placeholder="https://exemple.fr/feed.xml"
            aria-invalid={fieldError !== undefined}
            aria-describedby={fieldError ? 'source-url-error' : undefined}
            onChange={(e) => setUrl(e.target.value)}
          />
          {fieldError && (
            <small id="source-url-error" className="field-error" role="alert">
              {fieldError}
            </small>
          )}
        </label>
        <label className="field">
          <span>{t('sources.nameOptional')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="field field-button">
          <button type="submit" className="button primary" disabled={saving || url.trim() === ''}>
            {t('sources.add')}
          </button>
        </div>
      </div>
      {fieldError === undefined && <ErrorNote error={error} />}
    </form>
  );
}
