import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';

/** The week's rising terms (both languages) and how many distinct voices the volume holds. */
export function RisingTerms() {
  const { t, i18n } = useTranslation();
  const themes = useLoad(() => api.stats.themes({ days: 7 }), 'themes');
  const data = themes.data;
  const number = new Intl.NumberFormat(i18n.language);
  const rising = data ? Object.values(data.rising).flat().sort((a, b) => b.score - a.score).slice(0, 12) : [];
  return (
    <div className="card" data-testid="rising-terms">
      <h2>{t('dashboard.themes')}</h2>
      <p className="muted">{t('dashboard.themesHint')}</p>
      <ErrorNote error={themes.error} />
      {data && (
        <>
          {rising.length === 0 ? (
            <p className="muted">{t('dashboard.noRising')}</p>
          ) : (
            <ul className="term-list">
              {rising.map((term) => (
                <li key={term.key}>
                  <a href={`#/mentions?search=${encodeURIComponent(term.term)}`}>{term.term}</a>
                  <span className="muted"> ×{term.ratio.toFixed(1)}</span>
                </li>
              ))}
            </ul>
          )}
          <p>{t('dashboard.voices', { voices: number.format(data.spread.uniqueVoices), mentions: number.format(data.spread.mentions) })}</p>
          {data.spread.clusters.slice(0, 2).map((cluster) => (
            <p className="muted" key={cluster.sample.id}>
              {t('dashboard.copies', { size: cluster.size, text: cluster.sample.text.slice(0, 80) })}
            </p>
          ))}
        </>
      )}
    </div>
  );
}
