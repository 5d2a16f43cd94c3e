import { isClientError } from '@vigie/client';
import { useTranslation } from 'react-i18next';

/**
 * An API failure explained in the interface language: a sentence per error code, then the
 * server's own message (English) for the specifics.
 */
export function ErrorNote({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const code = isClientError(error) ? error.code : 'internal';
  const detail = error instanceof Error ? error.message : String(error);
  const details = isClientError(error) ? error.details : [];
  return (
    <div className="error-note" role="alert" id={id}>
      <strong>{t(`errors.${code}`, { defaultValue: t('errors.internal') })}</strong>
      <span className="error-detail">{detail}</span>
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              {d.field !== undefined && <code>{d.field}</code>} {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
