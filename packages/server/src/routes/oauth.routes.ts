import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '@vigie/core';
import { isConnectorError } from '@vigie/connectors';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema } from '../http/schemas';

const ConnectorParam = z.object({ connector: z.string().min(1).max(40).openapi({ param: { name: 'connector', in: 'path' } }) });

const StartQuery = z.object({
  accountId: z.string().max(100).optional().openapi({ description: 'Re-authorise this account instead of creating one' }),
  instance: z.string().max(2048).optional().openapi({ description: 'Mastodon: the instance, e.g. https://mastodon.social' }),
  name: z.string().trim().max(200).optional(),
});

const CallbackQuery = z.object({ code: z.string().max(4096).optional(), state: z.string().max(512).optional(), error: z.string().max(200).optional() });

/**
 * "Connect with…": `start` [configure] answers the network's consent URL (the browser goes there);
 * the network sends the browser back to `callback` [public — the single-use state, bound to the
 * workspace and the person who started, is the credential], which stores the tokens sealed in a new
 * or re-authorised account and redirects to Settings › Accounts.
 */
export function oauthRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/oauth/{connector}/start',
      tags: ['accounts'],
      request: { params: ConnectorParam, query: StartQuery },
      responses: {
        200: { description: 'Where to send the browser', content: { 'application/json': { schema: z.object({ url: z.string() }) } } },
        404: { description: 'No OAuth for this connector, or no such account', content: { 'application/json': { schema: ErrorSchema } } },
        409: { description: 'No OAuth app configured for this network', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const { connector } = c.req.valid('param');
      const query = c.req.valid('query');
      const principal = c.var.principal?.userId ?? c.var.principal?.tokenId ?? 'unknown';
      return c.json(await deps.oauth.start({ connector, workspaceId: c.var.workspaceId, principal, ...query }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/oauth/{connector}/callback',
      tags: ['accounts'],
      request: { params: ConnectorParam, query: CallbackQuery },
      responses: {
        302: { description: 'Back to Settings › Accounts with `connected=<account id>`, or `error=<reason>` when the user or the network refused' },
        404: { description: 'Unknown, used or expired state', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const { connector } = c.req.valid('param');
      const back = `${deps.config.publicUrl}/#/settings/accounts`;
      let outcome: Awaited<ReturnType<typeof deps.oauth.callback>>;
      try {
        outcome = await deps.oauth.callback(connector, c.req.valid('query'));
      } catch (error) {
        // An unknown or spent state is refused outright; a refusal by the user or the network goes back to Settings with its reason.
        if ((error instanceof AppError && error.code === 'not_found') || !(error instanceof Error)) throw error;
        deps.log.warn({ connector, code: isConnectorError(error) || error instanceof AppError ? error.code : 'internal' }, 'OAuth connection failed');
        return c.redirect(`${back}?error=${encodeURIComponent(error.message)}`, 302);
      }
      const { account, principal, created } = outcome;
      // A re-authorised account resumes its sources (they stopped on its expired token).
      const ready = account.status === 'ok' ? account : await deps.accounts.resume(account);
      await deps.audit({ var: { workspaceId: ready.workspaceId, actor: c.var.actor, clientIp: c.var.clientIp } }, 'account.connect', `account:${ready.id}`, { connector, via: 'oauth', created, startedBy: principal });
      return c.redirect(`${back}?connected=${encodeURIComponent(ready.id)}`, 302);
    },
  );

  return app;
}
