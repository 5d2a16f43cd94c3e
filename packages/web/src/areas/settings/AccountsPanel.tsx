import { isClientError, type AccountConnectorInfo, type AccountTestResult, type AccountView } from '@vigie/client';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { useCan } from '../../auth/session-context';
import { formatDateTime } from '../../format/relative-time';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ConnectorOptions } from '../../ui/ConnectorOptions';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';
import { useLoad } from '../../ui/use-load';
import { SchemaFieldInput } from './SchemaFieldInput';
import { buildConfig, initialValues, readSchemaForm, type FieldValue } from './schema-form-fields';
import './sources.css';

/** `#/settings/accounts?connected=<id>` or `?error=<reason>`: how the OAuth flow just ended. */
function oauthReturn(name: 'connected' | 'error'): string | undefined {
  const query = window.location.hash.split('?')[1];
  return query ? (new URLSearchParams(query).get(name) ?? undefined) : undefined;
}

/** Goes to the network's consent page ("Connect with…" / "Re-authorise"). */
async function connectWith(connector: string, options: { accountId?: string; instance?: string } = {}): Promise<void> {
  const { url } = await api.accounts.oauthStart(connector, options);
  window.location.assign(url);
}

/** A monthly read budget: used of total, and what is left. */
function Budget({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const budget = account.budget;
  if (!budget || budget.monthlyReads === undefined) return null;
  const left = Math.max(0, budget.monthlyReads - budget.used);
  return (
    <span className={left < budget.monthlyReads * 0.1 ? 'warning' : 'muted'}>
      {' · '}
      {t('accounts.budget', { used: budget.used.toLocaleString(), total: budget.monthlyReads.toLocaleString(), left: left.toLocaleString() })}
    </span>
  );
}

/** One account: status (and why), budget, sources using it; re-authorise, test, delete. */
function AccountRow({ account, connector, highlight, onChanged }: { account: AccountView; connector?: AccountConnectorInfo; highlight: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const canConfigure = useCan('configure');
  const { busy, error, run: act } = useAction(onChanged);
  const [tested, setTested] = useState<AccountTestResult>();
  const [token, setToken] = useState('');
  const secretField = connector ? Object.entries((connector.accountConfigSchema.properties ?? {}) as Record<string, { writeOnly?: boolean }>).find(([, p]) => p.writeOnly)?.[0] : undefined;

  return (
    <li className={highlight ? 'card account-row highlight' : 'card account-row'} aria-label={account.name}>
      <div className="source-head">
        <strong>{account.name}</strong> <span className="muted">{t(`connector.${account.connector}`, { defaultValue: account.connector })}</span>{' '}
        <span className={`badge status-${account.status}`}>{t(`accounts.status.${account.status}`)}</span>
        {highlight && <span className="badge status-ok">{t('accounts.connected')}</span>}
      </div>
      {account.status !== 'ok' && (
        <p className="field-error" role="alert">
          {t('accounts.stopped', { count: account.sourceCount ?? 0 })} {account.statusReason}
        </p>
      )}
      <p className="muted">
        {t('accounts.sources', { count: account.sourceCount ?? 0 })} · {account.oauth ? t('accounts.viaOauth') : t('accounts.viaToken')}
        {account.tokenExpiresAt && <> · {t('accounts.expires', { when: formatDateTime(account.tokenExpiresAt, i18n.language) })}</>}
        <Budget account={account} />
      </p>
      {canConfigure && (
        <div className="row-actions">
          {account.status !== 'ok' && account.oauth && connector?.oauth && (
            <button type="button" className="button primary" disabled={busy} onClick={() => void act(() => connectWith(account.connector, { accountId: account.id }))}>
              {t('accounts.reauthorise')}
            </button>
          )}
          {account.status !== 'ok' && !account.oauth && secretField && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void act(async () => {
                  await api.accounts.update(account.id, { config: { [secretField]: token } });
                  setToken('');
                });
              }}
            >
              <label className="field">
                <span>{t('accounts.newToken')}</span>
                <input type="password" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} />
              </label>
              <button type="submit" className="button primary" disabled={busy || token === ''}>
                {t('accounts.reauthorise')}
              </button>
            </form>
          )}
          <button type="button" className="button secondary" disabled={busy} onClick={() => void act(async () => setTested(await api.accounts.test(account.id)))}>
            {t('accounts.test')}
          </button>
          <ConfirmButton className="button danger" question={t('accounts.confirmDelete', { name: account.name })} disabled={busy} onConfirmed={() => void act(() => api.accounts.delete(account.id))}>
            {t('accounts.delete')}
          </ConfirmButton>
        </div>
      )}
      {tested && (
        <p className={tested.ok ? 'muted' : 'field-error'} role="status">
          {!tested.checked ? t('accounts.testNothing') : tested.ok ? t('accounts.testOk', { count: tested.fetched, source: tested.source ?? '' }) : t('accounts.testFailed', { message: tested.error?.message ?? '' })}
        </p>
      )}
      <ErrorNote error={error} />
    </li>
  );
}

/** Adds an account: "Connect with…" where the network does OAuth, else the form from the connector's account schema. */
function AddAccountForm({ connectors, onAdded }: { connectors: AccountConnectorInfo[]; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const [connectorId, setConnectorId] = useState<string>(connectors[0]?.id ?? 'x');
  const connector = connectors.find((c) => c.id === connectorId);
  const form = useMemo(() => readSchemaForm(connector?.accountConfigSchema ?? {}, i18n.language), [connector, i18n.language]);
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [name, setName] = useState('');
  const [instance, setInstance] = useState('');
  const { busy, error, setError, run } = useAction();
  const current = { ...initialValues(form), ...values };
  const problemOf = (field: string): string | undefined =>
    isClientError(error) ? error.details.find((d) => d.field?.replace(/^config\./, '') === field)?.message : undefined;

  return (
    <form
      className="card add-source"
      aria-label={t('accounts.addTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await api.accounts.create({ connector: connectorId as AccountConnectorInfo['id'], name: name.trim() || undefined, config: buildConfig(form, current) });
          setValues({});
          setName('');
          onAdded();
        });
      }}
    >
      <h2>{t('accounts.addTitle')}</h2>
      <div className="form-grid">
        <label className="field">
          <span>{t('sources.connector')}</span>
          <select
            value={connectorId}
            onChange={(e) => {
              setConnectorId(e.target.value);
              setValues({});
              setError(undefined);
            }}
          >
            <ConnectorOptions connectors={connectors} />
          </select>
        </label>
        <label className="field">
          <span>{t('sources.nameOptional')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      </div>
      {connector?.oauth && (
        <div className="form-grid">
          {connector.id === 'mastodon' && (
            <label className="field grow">
              <span>{t('accounts.instance')}</span>
              <input type="url" placeholder="https://mastodon.social" value={instance} onChange={(e) => setInstance(e.target.value)} />
            </label>
          )}
          <div className="field field-button">
            <button type="button" className="button primary" disabled={busy} onClick={() => void run(() => connectWith(connectorId, connector.id === 'mastodon' ? { instance } : {}))}>
              {t('accounts.connectWith', { network: t(`connector.${connector.id}`, { defaultValue: connector.name }) })}
            </button>
          </div>
        </div>
      )}
      {form.fields.length > 0 && (
        <>
          {connector?.oauth && <p className="muted">{t('accounts.orPaste')}</p>}
          <div className="form-grid">
            {form.fields.map((f) => (
              <SchemaFieldInput key={f.name} field={f} value={current[f.name] ?? ''} error={problemOf(f.name)} required={f.required} onChange={(value) => setValues((v) => ({ ...v, [f.name]: value }))} />
            ))}
            <div className="field field-button">
              <button type="submit" className="button secondary" disabled={busy}>
                {t('accounts.add')}
              </button>
            </div>
          </div>
        </>
      )}
      {!(isClientError(error) && error.details.some((d) => problemOf(d.field?.replace(/^config\./, '') ?? '') !== undefined)) && <ErrorNote error={error} />}
    </form>
  );
}

/**
 * Settings → Accounts: the credentials sources use (one per network login, app or page), each
 * with its status — an expired token shows why and stops the account's sources until it is
 * re-authorised — and the monthly read budget where the network bills reads (X).
 */
export function AccountsPanel() {
  const { t } = useTranslation();
  const canConfigure = useCan('configure');
  const accounts = useLoad(() => api.accounts.list(), 'accounts');
  const connectors = useLoad(() => api.accounts.connectors(), 'account-connectors');
  const connected = oauthReturn('connected');
  const refused = oauthReturn('error');
  return (
    <section aria-label={t('settings.accounts')}>
      <p className="muted">{t('accounts.help')}</p>
      {refused && (
        <p className="field-error" role="alert">
          {t('accounts.notConnected', { reason: refused })}
        </p>
      )}
      {canConfigure && connectors.data && <AddAccountForm connectors={connectors.data} onAdded={accounts.reload} />}
      {accounts.data?.length === 0 && <p className="muted">{t('accounts.empty')}</p>}
      <ul className="source-list">
        {(accounts.data ?? []).map((account) => (
          <AccountRow key={account.id} account={account} connector={connectors.data?.find((c) => c.id === account.connector)} highlight={account.id === connected} onChanged={accounts.reload} />
        ))}
      </ul>
      <ErrorNote error={accounts.error ?? connectors.error} />
    </section>
  );
}
