import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { useCan } from '../../auth/session-context';

/** Tells a newcomer the data is a demo, and lets them remove it once they add their own. */
export function DemoBanner() {
  const { t } = useTranslation();
  const demo = useLoad(() => api.demo.get(), 'demo');
  const [error, setError] = useState<unknown>();
  const canConfigure = useCan('configure');
  if (!demo.data?.enabled) return null;
  const remove = async (): Promise<void> => {
    if (!window.confirm(t('demo.confirmRemove'))) return;
    try {
      await api.demo.remove();
      window.location.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="banner" role="status">
      <p>
        <strong>{t('demo.title')}</strong> {t('demo.text')}
      </p>
      {canConfigure && (
        <button type="button" className="button secondary" onClick={() => void remove()}>
          {t('demo.remove')}
        </button>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
