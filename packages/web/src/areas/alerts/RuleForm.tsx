import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertRuleInput, DetectorKind, Topic, WebhookFormat } from '@vigie/core';
import type { AlertRuleView } from '@vigie/client';
import { ErrorNote } from '../../ui/ErrorNote';

// Only types come from core (the web bundle talks to the server through the client); each entry is checked against core's union.
const DETECTOR_KINDS: readonly DetectorKind[] = ['volume_spike', 'negative_surge', 'high_reach_author', 'fast_spread', 'rising_term'];
const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['generic', 'slack', 'mattermost', 'teams'];

interface Draft {
  name: string;
  scope: string;
  detectors: DetectorKind[];
  sensitivity: 'low' | 'normal' | 'high';
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  timeZone: string;
  cooldown: string;
  inApp: boolean;
  email: boolean;
  recipients: string;
  webhook: boolean;
  webhookUrl: string;
  webhookFormat: WebhookFormat;
  webhookSecret: string;
}

function draftOf(rule: AlertRuleView | undefined, topics: Topic[]): Draft {
  const hook = rule?.channels.find((c) => c.kind === 'webhook');
  return {
    name: rule?.name ?? '',
    scope: rule ? `${rule.scope.kind}:${rule.scope.id}` : topics[0] ? `topic:${topics[0].id}` : '',
    detectors: rule?.detectors ?? [...DETECTOR_KINDS],
    sensitivity: rule?.sensitivity ?? 'normal',
    quiet: rule?.quietHours !== undefined,
    quietFrom: rule?.quietHours?.from ?? '22:00',
    quietTo: rule?.quietHours?.to ?? '07:00',
    timeZone: rule?.quietHours?.timeZone ?? 'Europe/Paris',
    cooldown: String(rule?.cooldownMinutes ?? 60),
    inApp: rule ? rule.channels.some((c) => c.kind === 'in_app') : true,
    email: rule?.channels.some((c) => c.kind === 'email') ?? false,
    recipients: rule?.recipients.join(', ') ?? '',
    webhook: hook !== undefined,
    webhookUrl: hook?.kind === 'webhook' ? hook.url : '',
    webhookFormat: hook?.kind === 'webhook' ? hook.format : 'generic',
    webhookSecret: '',
  };
}

/** What the server validates (it answers each impossible setting with its field and reason). */
function toInput(d: Draft): AlertRuleInput {
  const [kind, ...rest] = d.scope.split(':');
  const channels: AlertRuleInput['channels'] = [];
  if (d.inApp) channels.push({ kind: 'in_app' });
  if (d.email) channels.push({ kind: 'email' });
  if (d.webhook) channels.push({ kind: 'webhook', url: d.webhookUrl.trim(), format: d.webhookFormat, ...(d.webhookSecret !== '' && { secret: d.webhookSecret }) });
  return {
    name: d.name,
    scope: { kind: kind === 'query' ? 'query' : 'topic', id: rest.join(':') },
    detectors: d.detectors,
    sensitivity: d.sensitivity,
    ...(d.quiet && { quietHours: { from: d.quietFrom, to: d.quietTo, timeZone: d.timeZone } }),
    cooldownMinutes: Number(d.cooldown),
    channels,
    recipients: d.recipients.split(/[,;\s]+/).filter((r) => r !== ''),
  };
}

/** The rule editor: scope, detectors, sensitivity, quiet hours, cooldown, channels. */
export function RuleForm({ rule, topics, onSave, onCancel }: { rule?: AlertRuleView; topics: Topic[]; onSave: (input: AlertRuleInput) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule, topics));
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await onSave(toInput(draft));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card rule-form stack" onSubmit={(e) => void submit(e)} aria-label={t('alerts.ruleForm')}>
      <label className="field">
        <span>{t('alerts.rule.name')}</span>
        <input value={draft.name} onChange={(e) => set('name', e.target.value)} required maxLength={120} />
      </label>
      <label className="field">
        <span>{t('alerts.rule.scope')}</span>
        <select value={draft.scope} onChange={(e) => set('scope', e.target.value)}>
          {topics.map((topic) => [
            <option key={topic.id} value={`topic:${topic.id}`}>
              {topic.name}
            </option>,
            ...topic.queries.map((q) => (
              <option key={q.id} value={`query:${q.id}`}>
                {`${topic.name} — ${q.name ?? q.text}`}
              </option>
            )),
          ])}
        </select>
      </label>
      <fieldset className="field">
        <legend>{t('alerts.rule.detectors')}</legend>
        {DETECTOR_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={draft.detectors.includes(kind)}
              onChange={(e) => set('detectors', e.target.checked ? [...draft.detectors, kind] : draft.detectors.filter((k) => k !== kind))}
            />
            {t(`alerts.detector.${kind}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('alerts.rule.sensitivity')}</span>
        <select value={draft.sensitivity} onChange={(e) => set('sensitivity', e.target.value as Draft['sensitivity'])}>
          {(['low', 'normal', 'high'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`alerts.sensitivity.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>{t('alerts.rule.quietHours')}</legend>
        <label className="check">
          <input type="checkbox" checked={draft.quiet} onChange={(e) => set('quiet', e.target.checked)} />
          {t('alerts.rule.quietEnabled')}
        </label>
        {draft.quiet && (
          <div className="inline-fields">
            <label>
              {t('alerts.rule.quietFrom')} <input type="time" value={draft.quietFrom} onChange={(e) => set('quietFrom', e.target.value)} />
            </label>
            <label>
              {t('alerts.rule.quietTo')} <input type="time" value={draft.quietTo} onChange={(e) => set('quietTo', e.target.value)} />
            </label>
            <label>
              {t('alerts.rule.timeZone')} <input value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
            </label>
          </div>
        )}
      </fieldset>
      <label className="field">
        <span>{t('alerts.rule.cooldown')}</span>
        <input type="number" value={draft.cooldown} onChange={(e) => set('cooldown', e.target.value)} />
      </label>
      <fieldset className="field">
        <legend>{t('alerts.rule.channels')}</legend>
        <label className="check">
          <input type="checkbox" checked={draft.inApp} onChange={(e) => set('inApp', e.target.checked)} />
          {t('alerts.channel.in_app')}
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.email} onChange={(e) => set('email', e.target.checked)} />
          {t('alerts.channel.email')}
        </label>
        {draft.email && (
          <label className="field">
            <span>{t('alerts.rule.recipients')}</span>
            <input value={draft.recipients} onChange={(e) => set('recipients', e.target.value)} placeholder="cm@example.org, manager@example.org" />
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={draft.webhook} onChange={(e) => set('webhook', e.target.checked)} />
          {t('alerts.channel.webhook')}
        </label>
        {draft.webhook && (
          <div className="inline-fields">
            <label>
              {t('alerts.rule.webhookUrl')} <input type="url" value={draft.webhookUrl} onChange={(e) => set('webhookUrl', e.target.value)} />
            </label>
            <label>
              {t('alerts.rule.webhookFormat')}{' '}
              <select value={draft.webhookFormat} onChange={(e) => set('webhookFormat', e.target.value as WebhookFormat)}>
                {WEBHOOK_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('alerts.rule.webhookSecret')} <input type="password" autoComplete="off" value={draft.webhookSecret} onChange={(e) => set('webhookSecret', e.target.value)} placeholder={t('alerts.rule.secretKept')} />
            </label>
          </div>
        )}
      </fieldset>
      <ErrorNote error={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
