import type { Topic, TopicInput } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ColorDot } from '../../ui/ColorDot';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';
import { QueryDraftForm } from './QueryDraftForm';
import { OptimisticToggle } from '../../ui/OptimisticToggle';
import { TopicForm } from './TopicForm';
import { useCan } from '../../auth/session-context';

/** One topic with its queries: edit, delete, add/edit/enable/delete queries. */
export function TopicCard({ topic, onChanged }: { topic: Topic; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [editingQuery, setEditingQuery] = useState<string | 'new' | null>(null);
  const { error, run: act } = useAction(onChanged);
  const canConfigure = useCan('configure');

  if (editing) {
    return (
      <TopicForm
        topic={topic}
        onCancel={() => setEditing(false)}
        onSave={async (input: TopicInput) => {
          await api.topics.update(topic.id, { name: input.name, kind: input.kind, color: input.color, exclusions: input.exclusions ?? '' });
          setEditing(false);
          onChanged();
        }}
      />
    );
  }

  return (
    <article className="card topic-card" data-testid="topic">
      <header className="topic-header">
        <ColorDot color={topic.color} />
        <h2>{topic.name}</h2>
        <span className="badge">{t(`topicKind.${topic.kind}`)}</span>
        <div className="spacer" />
        {canConfigure && (
          <>
            <button type="button" className="button ghost" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
            <ConfirmButton question={t('topics.confirmDelete', { name: topic.name })} onConfirmed={() => void act(() => api.topics.delete(topic.id))}>
              {t('common.delete')}
            </ConfirmButton>
          </>
        )}
      </header>
      {topic.exclusions && (
        <p className="muted">
          {t('topics.exclusions')} : <code>{topic.exclusions}</code>
        </p>
      )}
      <ul className="query-list">
        {topic.queries.map((q) =>
          editingQuery === q.id ? (
            <li key={q.id}>
              <QueryDraftForm
                id={`query-${q.id}`}
                initial={q.text}
                onCancel={() => setEditingQuery(null)}
                onSave={async (text) => {
                  await api.queries.update(q.id, { text });
                  setEditingQuery(null);
                  onChanged();
                }}
              />
            </li>
          ) : (
            <li key={q.id} className={q.enabled ? 'query-row' : 'query-row disabled'}>
              <code className="query-text">{q.text}</code>
              <OptimisticToggle
                label={t('topics.enabled')}
                checked={q.enabled}
                disabled={!canConfigure}
                onToggle={(enabled) => act(() => api.queries.update(q.id, { enabled }))}
              />
              {canConfigure && (
                <>
                  <button type="button" className="button ghost" onClick={() => setEditingQuery(q.id)}>
                    {t('common.edit')}
                  </button>
                  <ConfirmButton question={t('topics.confirmDeleteQuery')} onConfirmed={() => void act(() => api.queries.delete(q.id))}>
                    {t('common.delete')}
                  </ConfirmButton>
                </>
              )}
            </li>
          ),
        )}
      </ul>
      {editingQuery === 'new' ? (
        <QueryDraftForm
          id={`query-new-${topic.id}`}
          onCancel={() => setEditingQuery(null)}
          onSave={async (text) => {
            await api.topics.addQuery(topic.id, { text });
            setEditingQuery(null);
            onChanged();
          }}
        />
      ) : (
        canConfigure && (
          <button type="button" className="button secondary" onClick={() => setEditingQuery('new')}>
            {t('topics.addQuery')}
          </button>
        )
      )}
      <ErrorNote error={error} />
    </article>
  );
}
