import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { BarList } from './BarList';
import { DemoBanner } from './DemoBanner';
import { LatestMentions } from './LatestMentions';
import { RisingTerms } from './RisingTerms';
import { VolumeChart } from './VolumeChart';

const PERIODS = [7, 30, 90] as const;
const REFRESH_MS = 30_000;

/** Totals, volume by day with its sentiment split, and mentions by source kind and by topic. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const stats = useLoad(() => api.stats.overview({ days }), String(days));
  const { reload } = stats;
  // Totals follow new mentions without a page reload (the demo replays some every few seconds).
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const number = new Intl.NumberFormat(i18n.language);
  const data = stats.data;
  const share = (n: number): string =>
    data && data.total > 0 ? new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(n / data.total) : '–';

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('dashboard.title')}</h1>
        <div className="segmented" role="group" aria-label={t('dashboard.period')}>
          {PERIODS.map((p) => (
            <button key={p} type="button" aria-pressed={days === p} onClick={() => setDays(p)}>
              {t('dashboard.days', { count: p })}
            </button>
          ))}
        </div>
      </header>
      <DemoBanner />
      <ErrorNote error={stats.error} />
      {data && (
        <>
          <div className="kpi-grid">
            <div className="card kpi">
              <span className="kpi-label">{t('dashboard.total')}</span>
              <span className="kpi-value" data-testid="kpi-total">
                {number.format(data.total)}
              </span>
            </div>
            {(['positive', 'neutral', 'negative'] as const).map((s) => (
              <div className="card kpi" key={s}>
                <span className="kpi-label">{t(`sentiment.${s}`)}</span>
                <span className={`kpi-value text-${s}`}>{share(data.bySentiment[s])}</span>
                <span className="muted">{number.format(data.bySentiment[s])}</span>
              </div>
            ))}
          </div>
          <div className="card">
            <h2>{t('dashboard.volume')}</h2>
            {data.byDay.length === 0 ? (
              <p className="muted">{t('dashboard.noData')}</p>
            ) : (
              <VolumeChart days={data.byDay} locale={i18n.language} />
            )}
          </div>
          <RisingTerms />
          <div className="two-columns">
            <LatestMentions />
            <div className="card">
              <h2>{t('dashboard.byConnector')}</h2>
              <BarList
                items={data.byConnector.map((c) => ({ key: c.connector, label: t(`connector.${c.connector}`, { defaultValue: c.connector }), count: c.count }))}
                empty={t('dashboard.noData')}
              />
              <h2 className="section-gap">{t('dashboard.byTopic')}</h2>
              <BarList
                items={data.byTopic.map((c) => ({ key: c.topicId, label: c.name, count: c.count, href: `#/mentions?topic=${encodeURIComponent(c.topicId)}` }))}
                empty={t('dashboard.noData')}
              />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
