import { isClientError, type ConnectorInfo, type SourceTestResult as TestResult } from '@vigie/client';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { SchemaFieldInput } from './SchemaFieldInput';
import { SourceTestResult } from './SourceTestResult';
import { buildConfig, initialValues, readSchemaForm, type FieldValue } from './schema-form-fields';
import './sources.css';

/** The field an API detail is about: `config.hashtag` and a top-level `url` both name their input. */
const fieldOf = (detail: { field?: string }): string | undefined => detail.field?.replace(/^config\./, '');

/**
 * Adds a source for any connector: the connector's JSON Schema gives the fields (secrets as
 * password inputs, "exactly one of" as a choice), and each problem the API reports is shown
 * right under the field it is about.
 */
export function AddSourceForm({ onAdded }: { onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const connectors = useLoad(() => api.connectors.list(), 'connectors');
  const pollable = (connectors.data ?? []).filter((c) => c.capabilities.includes('poll'));
  const [connectorId, setConnectorId] = useState('rss');
  const connector: ConnectorInfo | undefined = pollable.find((c) => c.id === connectorId);
  const form = useMemo(() => readSchemaForm(connector?.sourceConfigSchema ?? {}, i18n.language), [connector, i18n.language]);
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [chosen, setChosen] = useState<string>();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<TestResult>();
  // An account holds the credentials (Settings › Accounts) and the settings of its own form (Bluesky's
  // identifier, Mastodon's instance…): those fields are not asked again, and the source does not copy them.
  const accounts = useLoad(() => api.accounts.list(), 'accounts');
  const accountForms = useLoad(() => api.accounts.connectors(), 'account-connectors');
  const usable = (accounts.data ?? []).filter((a) => a.connector === connectorId);
  const [accountId, setAccountId] = useState('');
  const [backfillDays, setBackfillDays] = useState('');
  const linked = accountId !== '' && usable.some((a) => a.id === accountId) ? accountId : undefined;
  const extra = { ...(linked && { accountId: linked }), ...(backfillDays.trim() !== '' && { backfillDays: Number(backfillDays) }) };

  const accountFields = Object.keys(((accountForms.data ?? []).find((c) => c.id === connectorId)?.accountConfigSchema.properties ?? {}) as Record<string, unknown>);
  const fromAccount = (f: (typeof form.fields)[number]): boolean => linked !== undefined && (f.kind === 'secret' || accountFields.includes(f.name));

  const choice = chosen !== undefined && form.exactlyOne.includes(chosen) ? chosen : form.exactlyOne[0];
  // A yes/no choice of the group (e.g. "mentions of my account") is set by choosing it: no checkbox to tick as well.
  const choiceIsSwitch = form.fields.some((f) => f.name === choice && f.kind === 'boolean');
  const current = { ...initialValues(form), ...values, ...(choice !== undefined && choiceIsSwitch && { [choice]: true }) };
  const shown = form.fields.filter((f) => (!form.exactlyOne.includes(f.name) || (f.name === choice && !choiceIsSwitch)) && !fromAccount(f));
  /** The settings sent: what the form shows, never a field the linked account supplies (typed before it was chosen). */
  const settings = (): Record<string, unknown> => {
    const config = buildConfig(form, current, choice);
    for (const f of form.fields) if (fromAccount(f)) delete config[f.name];
    return config;
  };
  const details = isClientError(error) ? error.details : [];
  const problemOf = (field: string): string | undefined => {
    const detail = details.find((d) => fieldOf(d) === field);
    if (!detail || !isClientError(error)) return undefined;
    return error.code === 'validation_failed' ? detail.message : error.message;
  };
  // A problem about a group member that is not on screen (the refinement names the first one) goes under the group.
  const groupProblem = details.find((d) => form.exactlyOne.includes(fieldOf(d) ?? '') && fieldOf(d) !== choice)?.message;
  const placed = details.some((d) => shown.some((f) => f.name === fieldOf(d))) || groupProblem !== undefined;

  const reset = (id: string): void => {
    setConnectorId(id);
    setValues({});
    setChosen(undefined);
    setError(undefined);
    setTested(undefined);
    setAccountId('');
    setBackfillDays('');
  };

  /** One poll of the settings as typed, nothing saved: invalid settings show under their fields like on "Add". */
  const test = async (): Promise<void> => {
    setTesting(true);
    setError(undefined);
    setTested(undefined);
    try {
      setTested(await api.sources.test({ connector: connectorId as ConnectorInfo['id'], config: settings(), ...(linked && { accountId: linked }) }));
    } catch (e) {
      setError(e);
    } finally {
      setTesting(false);
    }
  };

  const submit = async (): Promise<void> => {
    setSaving(true);
    setError(undefined);
    try {
      await api.sources.create({ connector: connectorId as ConnectorInfo['id'], config: settings(), name: name.trim() || undefined, ...extra });
      setValues({});
      setName('');
      setTested(undefined);
      onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const fieldInput = (f: (typeof form.fields)[number]) => (
    <SchemaFieldInput
      key={f.name}
      field={f}
      value={current[f.name] ?? ''}
      error={problemOf(f.name)}
      required={f.required || f.name === choice}
      onChange={(value) => {
        setValues((v) => ({ ...v, [f.name]: value }));
        setTested(undefined);
      }}
    />
  );

  return (
    <form
      className="card add-source"
      aria-label={t('sources.addTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('sources.addTitle')}</h2>
      <div className="form-grid">
        <label className="field">
          <span>{t('sources.connector')}</span>
          <select value={connectorId} onChange={(e) => reset(e.target.value)}>
            {(pollable.length > 0 ? pollable : [{ id: 'rss', name: 'RSS' }]).map((c) => (
              <option key={c.id} value={c.id}>
                {t(`connector.${c.id}`, { defaultValue: c.name })}
              </option>
            ))}
          </select>
        </label>
        {usable.length > 0 && (
          <label className="field">
            <span>{t('accounts.label')}</span>
            <select value={linked ?? ''} onChange={(e) => setAccountId(e.target.value)}>
              <option value="">{t('accounts.none')}</option>
              {usable.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.status !== 'ok' ? ` (${t(`accounts.status.${a.status}`)})` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {shown.filter((f) => !form.exactlyOne.includes(f.name)).map(fieldInput)}
        {connector?.capabilities.includes('backfill') && (
          <label className="field">
            <span>{t('accounts.backfillDays')}</span>
            <input type="number" min={1} max={365} value={backfillDays} onChange={(e) => setBackfillDays(e.target.value)} />
          </label>
        )}
      </div>
      {form.exactlyOne.length > 0 && (
        <fieldset className="exactly-one" aria-describedby={groupProblem ? 'source-group-error' : undefined}>
          <legend className="field-label">{t('sources.exactlyOne')}</legend>
          <div className="form-grid" role="radiogroup">
            {form.exactlyOne.map((fieldName) => (
              <label key={fieldName} className="inline-check">
                <input type="radio" name="source-choice" checked={fieldName === choice} onChange={() => setChosen(fieldName)} />{' '}
                {form.fields.find((f) => f.name === fieldName)?.label}
              </label>
            ))}
          </div>
          <div className="form-grid">{shown.filter((f) => f.name === choice).map(fieldInput)}</div>
          {groupProblem && (
            <small id="source-group-error" className="field-error" role="alert">
              {groupProblem}
            </small>
          )}
        </fieldset>
      )}
      <div className="form-grid">
        <label className="field">
          <span>{t('sources.nameOptional')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="field field-button">
          <button type="button" className="button secondary" disabled={testing || saving || !connector} onClick={() => void test()}>
            {testing ? t('sources.testing') : t('sources.test')}
          </button>
        </div>
        <div className="field field-button">
          <button type="submit" className="button primary" disabled={saving || !connector}>
            {t('sources.add')}
          </button>
        </div>
      </div>
      {tested && <SourceTestResult result={tested} />}
      <ErrorNote error={connectors.error} />
      {!placed && <ErrorNote error={error} />}
    </form>
  );
}
