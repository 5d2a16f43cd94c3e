import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, CONNECTOR_IDS } from '@vigie/core';
import { createHttpClient, getConnector, listConnectors, runPoll } from '@vigie/connectors';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam } from '../http/schemas';
import { openSecrets } from '../security/source-secrets';
import { accountFormSchema, accountSecretFields, billsReads, mergeAccountConfig, presentAccount } from '../services/account-service';
import { OAUTH_NETWORKS } from '../services/oauth-flow';

const AccountSchema = z
  .object({
    id: z.string(),
    connector: z.enum(CONNECTOR_IDS),
    name: z.string(),
    status: z.enum(['ok', 'needs_reauth', 'disabled']),
    statusReason: z.string().optional(),
    lastError: z.object({ code: z.string(), message: z.string(), at: z.string() }).optional(),
    config: z.record(z.string(), z.unknown()),
    secretsSet: z.array(z.string()),
    oauth: z.string().optional(),
    tokenExpiresAt: z.string().optional(),
    budget: z.object({ monthlyReads: z.number().optional(), used: z.number(), month: z.string() }).optional(),
    sourceCount: z.number().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Account');

const NewAccountSchema = z
  .object({
    connector: z.enum(CONNECTOR_IDS),
    name: z.string().trim().max(200).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    monthlyReads: z.number().int().min(10).max(100_000_000).nullable().optional(),
  })
  .openapi('NewAccount');

const AccountPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    monthlyReads: z.number().int().min(10).max(100_000_000).nullable().optional(),
  })
  .openapi('AccountPatch');

const AccountConnector = z
  .object({ id: z.string(), name: z.string(), accountConfigSchema: z.record(z.string(), z.unknown()), oauth: z.boolean(), billsReads: z.boolean() })
  .openapi('AccountConnector');

const TestAnswer = z
  .object({ ok: z.boolean(), checked: z.boolean(), fetched: z.number(), source: z.string().optional(), message: z.string().optional(), error: z.object({ code: z.string(), message: z.string() }).optional() })
  .openapi('AccountTestResult');

/** A connection test waits this long at most. */
const TEST_TIMEOUT_MS = 20_000;

/**
 * Connector accounts (docs/connectors/accounts.md): list with status and read budget, create
 * (secrets sealed), change (a new token re-authorises), delete (refused while sources use it), test.
 */
export function accountRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const accounts = deps.accounts;
  const invalid = { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } };
  const notFound = { description: 'No such account', content: { 'application/json': { schema: ErrorSchema } } };
  const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

  app.openapi(
    createRoute({ method: 'get', path: '/accounts', tags: ['accounts'], responses: { 200: json(z.object({ items: z.array(AccountSchema) }), 'Accounts with their status, budget and number of sources') } }),
    async (c) => c.json({ items: await accounts.list(c.var.workspaceId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/accounts/connectors',
      tags: ['accounts'],
      description: 'Connectors that can hold an account: the JSON Schema of the account form, whether "Connect with…" (OAuth) is configured, whether reads are billed.',
      responses: { 200: json(z.object({ items: z.array(AccountConnector) }), 'Connectors with accounts') },
    }),
    (c) => {
      const items = listConnectors()
        .map((connector) => {
          const network = OAUTH_NETWORKS[connector.id];
          const oauth = network !== undefined && (network.configKey === 'mastodon' || deps.config.oauth[network.configKey] !== undefined);
          return { id: connector.id, name: connector.name, accountConfigSchema: accountFormSchema(connector), oauth, billsReads: billsReads(connector) };
        })
        .filter((item) => Object.keys(item.accountConfigSchema.properties).length > 0 || item.oauth);
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/accounts',
      tags: ['accounts'],
      request: { body: { content: { 'application/json': { schema: NewAccountSchema } }, required: true } },
      responses: { 201: json(AccountSchema, 'Created (secrets sealed, never shown again)'), 400: invalid },
    }),
    async (c) => {
      const account = await accounts.create(c.var.workspaceId, c.req.valid('json'));
      await deps.audit(c, 'account.connect', `account:${account.id}`, { connector: account.connector, via: 'form' });
      return c.json(presentAccount(account, 0), 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/accounts/{id}', tags: ['accounts'], request: { params: IdParam }, responses: { 200: json(AccountSchema, 'The account'), 404: notFound } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const account = await accounts.get(c.var.workspaceId, id);
      return c.json(presentAccount(account, (await accounts.sourcesOf(c.var.workspaceId, id)).length), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/accounts/{id}',
      tags: ['accounts'],
      description: 'Renames, changes the budget, or replaces credentials; a new credential on an account that needs re-authorisation resumes its sources.',
      request: { params: IdParam, body: { content: { 'application/json': { schema: AccountPatchSchema } }, required: true } },
      responses: { 200: json(AccountSchema, 'Updated'), 400: invalid, 404: notFound },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const account = await accounts.update(c.var.workspaceId, id, c.req.valid('json'));
      return c.json(presentAccount(account, (await accounts.sourcesOf(c.var.workspaceId, id)).length), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/accounts/{id}',
      tags: ['accounts'],
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, 404: notFound, 409: { description: 'Sources still use it', content: { 'application/json': { schema: ErrorSchema } } } },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await accounts.delete(c.var.workspaceId, id);
      await deps.audit(c, 'account.delete', `account:${id}`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/accounts/{id}/test',
      tags: ['accounts'],
      description: 'Runs one poll of the first source using the account (nothing stored). A success on an account that needed re-authorisation resumes its sources.',
      request: { params: IdParam },
      responses: { 200: json(TestAnswer, 'What the network answered (a refusal is reported in `error`)'), 404: notFound },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const workspaceId = c.var.workspaceId;
      const account = await accounts.get(workspaceId, id);
      const connector = getConnector(account.connector);
      if (!connector) throw new AppError('not_found', `no connector "${account.connector}"`);
      const [source] = await accounts.sourcesOf(workspaceId, id);
      if (!source) {
        return c.json({ ok: true, checked: false, fetched: 0, message: 'no source uses this account yet: add one to test it / aucune source n’utilise encore ce compte : ajoutez-en une pour le tester' }, 200);
      }
      const config = mergeAccountConfig(openSecrets(deps.secrets, source.config), openSecrets(deps.secrets, account.config), accountSecretFields(connector));
      const outcome = await runPoll(
        connector,
        { http: createHttpClient({ allowPrivate: deps.config.allowPrivateUrls }), signal: AbortSignal.timeout(TEST_TIMEOUT_MS), now: deps.now, log: () => undefined },
        { config, state: {} },
      );
      if (!outcome.ok) {
        if (outcome.needsReauth) await deps.store.accounts.setStatus(workspaceId, id, 'needs_reauth', { reason: outcome.error.message, error: outcome.error, at: deps.now() });
        return c.json({ ok: false, checked: true, fetched: 0, source: source.name, error: outcome.error }, 200);
      }
      if (account.status === 'needs_reauth') await accounts.resume(account);
      return c.json({ ok: true, checked: true, fetched: outcome.result.mentions.length, source: source.name }, 200);
    },
  );

  return app;
}
