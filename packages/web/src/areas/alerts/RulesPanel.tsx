import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { RuleForm } from './RuleForm';
import { useCan } from '../../auth/session-context';

/** Alert rules: the list, and the editor for a new or an existing rule. */
export function RulesPanel() {
  const { t } = useTranslation();
  const rules = useLoad(() => api.alertRules.list(), 'alert-rules');
  const topics = useLoad(() => api.topics.list(), 'topics');
  const [editing, setEditing] = useState<string | 'new' | undefined>();
  const [error, setError] = useState<unknown>();
  const canConfigure = useCan('configure');
  const names = new Map((topics.data ?? []).flatMap((topic) => [[`topic:${topic.id}`, topic.name] as const, ...topic.queries.map((q) => [`query:${q.id}`, `${topic.name} — ${q.name ?? q.text}`] as const)]));
  return (
    <div className="stack">
      <div className="panel-intro">
        <p className="muted">{t('alerts.rulesIntro')}</p>
        {editing === undefined && canConfigure && (
          <button type="button" className="button primary" onClick={() => setEditing('new')} disabled={(topics.data ?? []).length === 0}>
            {t('alerts.newRule')}
          </button>
        )}
      </div>
      {topics.data?.length === 0 && <p className="muted">{t('alerts.needTopic')}</p>}
      <ErrorNote error={rules.error ?? topics.error ?? error} />
      {editing === 'new' && topics.data && (
        <RuleForm
          topics={topics.data}
          onCancel={() => setEditing(undefined)}
          onSave={async (input) => {
            await api.alertRules.create(input);
            setEditing(undefined);
            rules.reload();
          }}
        />
      )}
      {rules.data?.length === 0 && editing === undefined && (
        <div className="card empty-state">
          <p className="empty-title">{t('alerts.noRules')}</p>
        </div>
      )}
      <ul className="rule-list" aria-label={t('alerts.rules')}>
        {rules.data?.map((rule) =>
          editing === rule.id && topics.data ? (
            <li key={rule.id}>
              <RuleForm
                rule={rule}
                topics={topics.data}
                onCancel={() => setEditing(undefined)}
                onSave={async (input) => {
                  await api.alertRules.update(rule.id, input);
                  setEditing(undefined);
                  rules.reload();
                }}
              />
            </li>
          ) : (
            <li key={rule.id} className="card rule-card">
              <div className="card-title-row">
                <h2>{rule.name}</h2>
                {!rule.enabled && <span className="badge">{t('alerts.disabled')}</span>}
                <span className="muted">{names.get(`${rule.scope.kind}:${rule.scope.id}`) ?? rule.scope.id}</span>
              </div>
              <p className="muted">
                {rule.detectors.map((d) => t(`alerts.detector.${d}`)).join(', ')} · {t(`alerts.sensitivity.${rule.sensitivity}`)} · {t('alerts.cooldownValue', { minutes: rule.cooldownMinutes })}
                {rule.quietHours && ` · ${t('alerts.quietValue', { from: rule.quietHours.from, to: rule.quietHours.to })}`}
              </p>
              <p>{rule.channels.map((c) => (c.kind === 'webhook' ? `${t('alerts.channel.webhook')} (${c.format})` : t(`alerts.channel.${c.kind}`))).join(' · ')}</p>
              {canConfigure && (
              <div className="form-actions">
                <button type="button" className="button small" onClick={() => setEditing(rule.id)}>
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="button small danger"
                  onClick={() => {
                    setError(undefined);
                    api.alertRules.delete(rule.id).then(rules.reload, setError);
                  }}
                >
                  {t('common.delete')}
                </button>
              </div>
              )}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
