import type { ConnectorInfo, Topic } from '@vigie/client';
import { useTranslation } from 'react-i18next';
import { ConnectorOptions } from '../../ui/ConnectorOptions';
import type { FilterForm } from './mention-filter';

const LANGS = ['fr', 'en', 'es', 'de', 'it', 'pt', 'nl'];

interface Props {
  value: FilterForm;
  onChange: (next: FilterForm) => void;
  topics: Topic[];
  connectors: ConnectorInfo[];
}

/** Search box and filters of the mention stream; every control has a visible label. */
export function MentionFilters({ value, onChange, topics, connectors }: Props) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof FilterForm>(key: K, v: FilterForm[K]): void => onChange({ ...value, [key]: v });
  const langNames = new Intl.DisplayNames([i18n.language], { type: 'language' });
  return (
    <form className="card filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label className="field search-field">
        <span>{t('mentions.search')}</span>
        <input
          type="search"
          value={value.search}
          placeholder={t('mentions.searchPlaceholder')}
          onChange={(e) => set('search', e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('mentions.topic')}</span>
        <select value={value.topic} onChange={(e) => set('topic', e.target.value)}>
          <option value="">{t('mentions.any')}</option>
          {topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('mentions.connector')}</span>
        <select value={value.connector} onChange={(e) => set('connector', e.target.value)}>
          <option value="">{t('mentions.any')}</option>
          <ConnectorOptions connectors={connectors} />
        </select>
      </label>
      <label className="field">
        <span>{t('mentions.language')}</span>
        <select value={value.lang} onChange={(e) => set('lang', e.target.value)}>
          <option value="">{t('mentions.any')}</option>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {langNames.of(l)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('mentions.sentiment')}</span>
        <select value={value.sentiment} onChange={(e) => set('sentiment', e.target.value as FilterForm['sentiment'])}>
          <option value="">{t('mentions.any')}</option>
          {(['positive', 'neutral', 'negative'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sentiment.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('mentions.since')}</span>
        <input type="date" value={value.since} onChange={(e) => set('since', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('mentions.until')}</span>
        <input type="date" value={value.until} onChange={(e) => set('until', e.target.value)} />
      </label>
    </form>
  );
}
