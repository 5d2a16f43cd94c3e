import { TOPIC_KINDS, type Topic, type TopicInput, type TopicKind } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';
import { QueryEditor } from './QueryEditor';
import { useQueryCheck } from './use-query-check';

const DEFAULT_COLOR = '#3b5bdb';

interface Props {
  /** Absent: a new topic, which also needs its first query. */
  topic?: Topic;
  onSave: (input: TopicInput) => Promise<void>;
  onCancel: () => void;
}

/** Creates or edits a topic: name, kind, colour, exclusions (and the first query for a new one). */
export function TopicForm({ topic, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(topic?.name ?? '');
  const [kind, setKind] = useState<TopicKind>(topic?.kind ?? 'brand');
  const [color, setColor] = useState(topic?.color ?? DEFAULT_COLOR);
  const [exclusions, setExclusions] = useState(topic?.exclusions ?? '');
  const [query, setQuery] = useState('');
  const { busy: saving, error, run } = useAction();
  const check = useQueryCheck(query);
  const idBase = topic ? `topic-${topic.id}` : 'topic-new';
  const queryOk = topic !== undefined || (check.text === query && check.validation?.valid === true);
  const canSave = !saving && name.trim() !== '' && queryOk;

  const submit = (): Promise<boolean> =>
    run(() =>
      onSave({
        name: name.trim(),
        kind,
        color,
        exclusions: exclusions.trim() || undefined,
        queries: topic ? [] : [query],
      }),
    );

  return (
    <form
      className="card topic-form"
      aria-label={topic ? t('topics.editTitle', { name: topic.name }) : t('topics.newTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) void submit();
      }}
    >
      <h2>{topic ? t('topics.editTitle', { name: topic.name }) : t('topics.newTitle')}</h2>
      <div className="form-grid">
        <label className="field">
          <span>{t('topics.name')}</span>
          <input value={name} required onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('topics.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as TopicKind)}>
            {TOPIC_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`topicKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-color">
          <span>{t('topics.color')}</span>
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span>{t('topics.exclusions')}</span>
        <input
          value={exclusions}
          placeholder={t('topics.exclusionsPlaceholder')}
          onChange={(e) => setExclusions(e.target.value)}
        />
        <small className="muted">{t('topics.exclusionsHelp')}</small>
      </label>
      {!topic && <QueryEditor id={`${idBase}-query`} label={t('topics.firstQuery')} value={query} onChange={setQuery} check={check} />}
      <ErrorNote error={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!canSave}>
          {topic ? t('common.save') : t('topics.create')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
