import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { useCan } from '../../auth/session-context';
import { TopicCard } from './TopicCard';
import { TopicForm } from './TopicForm';

/** Settings → Topics: every topic with its queries, and the form for a new one. */
export function TopicsPanel() {
  const { t } = useTranslation();
  const topics = useLoad(() => api.topics.list(), 'topics');
  const [creating, setCreating] = useState(false);
  const canConfigure = useCan('configure');
  return (
    <div className="stack">
      <div className="panel-intro">
        <p className="muted">{t('topics.intro')}</p>
        {!creating && canConfigure && (
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            {t('topics.new')}
          </button>
        )}
      </div>
      {creating && (
        <TopicForm
          onCancel={() => setCreating(false)}
          onSave={async (input) => {
            await api.topics.create(input);
            setCreating(false);
            topics.reload();
          }}
        />
      )}
      <ErrorNote error={topics.error} />
      {topics.data?.length === 0 && !creating && (
        <div className="card empty-state">
          <p className="empty-title">{t('topics.empty')}</p>
        </div>
      )}
      {topics.data?.map((topic) => (
        <TopicCard key={topic.id} topic={topic} onChanged={topics.reload} />
      ))}
    </div>
  );
}
