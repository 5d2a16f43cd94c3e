/**
 * Alerts over HTTP: rules (validated by core's `parseAlertRule`, webhook URLs checked against
 * private addresses, webhook secrets sealed before they are stored and never returned, the live
 * worker reloaded after each change), episodes and their
 * post-mortem, in-app notifications with the deliveries that are failing, time series from
 * rollups (never raw mentions), and the backtest on stored history.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, createRollup, parseAlertRule, type AlertRule, type Granularity, type StoredAlertRule } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam } from '../http/schemas';
import { backtestStoredHistory } from '../jobs/alert-backtest.job';
import { checkWebhookUrl } from '../notify';
import { sealChannelSecrets } from '../notify/webhook-secret';
import { presentAlertRule, presentDelivery, presentEpisodeSummary } from '../presenters/alert-presenter';
import { presentMention } from '../presenters/mention-presenter';
import { ALERT_TIME_ZONE } from '../workers/alert-worker';

const json = (description: string) => ({ description, content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } });
const errors = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorSchema } } },
};
const body = { content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } }, required: true };
const EpisodeQuery = z.object({ status: z.enum(['open', 'calming', 'closed']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
const GRANULARITIES: Record<string, Granularity> = { '5m': '5m', hour: '1h', '1h': '1h', day: '1d', '1d': '1d' };
const SeriesQuery = z.object({
  topic: z.string().optional(),
  query: z.string().optional(),
  granularity: z.enum(['5m', 'hour', '1h', 'day', '1d']).default('hour'),
  days: z.coerce.number().int().min(1).max(90).default(7),
});
const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'expected an ISO-8601 date / date ISO-8601 attendue');
const BacktestBody = z.object({ from: isoDate, to: isoDate });

export function alertRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  async function scopeNames(workspaceId: string): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const topic of await deps.store.topics.list(workspaceId)) {
      names.set(`topic:${topic.id}`, topic.name);
      for (const query of topic.queries) names.set(`query:${query.id}`, `${topic.name} — ${query.name ?? query.text}`);
    }
    return names;
  }

  /** Validates a rule fully: shape, scope in this workspace, webhook URLs not private. */
  async function validRule(workspaceId: string, input: unknown): Promise<AlertRule> {
    const rule = parseAlertRule(input);
    const names = await scopeNames(workspaceId);
    if (!names.has(`${rule.scope.kind}:${rule.scope.id}`)) {
      throw new AppError('validation_failed', 'Invalid alert rule / règle d’alerte invalide', [{ field: 'scope.id', message: `no such ${rule.scope.kind} / ${rule.scope.kind === 'topic' ? 'sujet' : 'requête'} introuvable` }]);
    }
    for (const [index, channel] of rule.channels.entries()) {
      if (channel.kind !== 'webhook') continue;
      try {
        await checkWebhookUrl(channel.url, { allowPrivate: deps.config.allowPrivateUrls });
      } catch (error) {
        throw new AppError('validation_failed', 'Invalid alert rule / règle d’alerte invalide', [
          { field: `channels.${index}.url`, message: `${error instanceof Error ? error.message : String(error)} / adresse refusée` },
        ]);
      }
    }
    return rule;
  }

  /** The rule as stored: webhook secrets sealed with the SecretBox (notify/webhook-secret.ts). */
  function sealed(rule: AlertRule): AlertRule {
    return { ...rule, channels: sealChannelSecrets(deps.secrets, rule.channels) };
  }

  async function ruleOr404(workspaceId: string, id: string): Promise<StoredAlertRule> {
    const rule = await deps.store.alertRules.get(workspaceId, id);
    if (!rule) throw new AppError('not_found', `Alert rule ${id} does not exist / règle introuvable`);
    return rule;
  }

  app.openapi(createRoute({ method: 'get', path: '/alert-rules', tags: ['alerts'], responses: { 200: json('Alert rules, secrets left out') } }), async (c) =>
    c.json({ items: (await deps.store.alertRules.list(c.var.workspaceId)).map(presentAlertRule) }, 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/alert-rules', tags: ['alerts'], request: { body }, responses: { 201: json('Created'), 400: errors[400] } }),
    async (c) => {
      const rule = await validRule(c.var.workspaceId, c.req.valid('json'));
      const stored = await deps.store.alertRules.create(c.var.workspaceId, sealed(rule));
      await deps.alerts.reloadRules(c.var.workspaceId);
      return c.json(presentAlertRule(stored), 201);
    },
  );

  app.openapi(
    createRoute({ method: 'patch', path: '/alert-rules/{id}', tags: ['alerts'], request: { params: IdParam, body }, responses: { 200: json('Updated'), ...errors } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const existing = await ruleOr404(c.var.workspaceId, id);
      const patch = c.req.valid('json');
      const { createdAt: _created, updatedAt: _updated, ...current } = existing;
      const merged: Record<string, unknown> = { ...current, ...patch, id };
      // A webhook sent back without its secret (the API never returns it) keeps the stored one. The
      // stored one is sealed (too long for the 200-character limit of a typed secret): it is put
      // back after validation, and a clear one from before sealing is sealed on this save.
      const keptSecrets = new Map<string, string>();
      for (const channel of existing.channels) if (channel.kind === 'webhook' && channel.secret !== undefined) keptSecrets.set(channel.url, channel.secret);
      if (!Array.isArray(patch.channels)) merged.channels = existing.channels.map((channel) => (channel.kind === 'webhook' ? { ...channel, secret: undefined } : channel));
      const validated = await validRule(c.var.workspaceId, merged);
      const rule: AlertRule = {
        ...validated,
        channels: validated.channels.map((channel) => {
          if (channel.kind !== 'webhook' || channel.secret !== undefined) return channel;
          const kept = keptSecrets.get(channel.url);
          return kept === undefined ? channel : { ...channel, secret: kept };
        }),
      };
      const stored = await deps.store.alertRules.update(c.var.workspaceId, id, sealed(rule));
      if (!stored) throw new AppError('not_found', `Alert rule ${id} does not exist / règle introuvable`);
      await deps.alerts.reloadRules(c.var.workspaceId);
      return c.json(presentAlertRule(stored), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/alert-rules/{id}', tags: ['alerts'], request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, 404: errors[404] } }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await deps.store.alertRules.delete(c.var.workspaceId, id))) throw new AppError('not_found', `Alert rule ${id} does not exist / règle introuvable`);
      await deps.alerts.reloadRules(c.var.workspaceId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/episodes', tags: ['alerts'], request: { query: EpisodeQuery }, responses: { 200: json('Episodes, most recently detected first') } }),
    async (c) => {
      const { status, limit } = c.req.valid('query');
      const [episodes, names] = await Promise.all([deps.store.episodes.list(c.var.workspaceId, { status, limit }), scopeNames(c.var.workspaceId)]);
      return c.json({ items: episodes.map((e) => presentEpisodeSummary(e, names.get(`${e.scope.kind}:${e.scope.id}`))) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/episodes/{id}', tags: ['alerts'], request: { params: z.object({ id: z.string().min(1).max(300).openapi({ param: { name: 'id', in: 'path' } }) }) }, responses: { 200: json('The post-mortem'), 404: errors[404] } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const episode = await deps.store.episodes.get(c.var.workspaceId, id);
      if (!episode) throw new AppError('not_found', `Episode ${id} does not exist / épisode introuvable`);
      const names = await scopeNames(c.var.workspaceId);
      // Top posts by their network id, among the scope's mentions during the episode (bounded read).
      const wanted = new Set(episode.explanation.topPosts.map((p) => p.externalId));
      const during = await deps.store.mentions.list(
        c.var.workspaceId,
        { ...(episode.scope.kind === 'topic' ? { topicId: episode.scope.id } : { queryId: episode.scope.id }), since: new Date(Date.parse(episode.startedAt) - 3_600_000).toISOString(), ...(episode.closedAt !== undefined && { until: episode.closedAt }) },
        { limit: 200 },
      );
      const topPosts = during.items.filter((m) => wanted.has(m.externalId)).map(presentMention);
      return c.json(
        { ...presentEpisodeSummary(episode, names.get(`${episode.scope.kind}:${episode.scope.id}`)), ...(episode.calmingAt !== undefined && { calmingAt: episode.calmingAt }), explanation: episode.explanation, signals: episode.signals, topPosts },
        200,
      );
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/notifications', tags: ['alerts'], responses: { 200: json('In-app notifications, the unread count, and deliveries failing') } }),
    async (c) => {
      const [inApp, failing] = await Promise.all([
        deps.store.notifications.list(c.var.workspaceId),
        deps.store.outbox.listByWorkspace(c.var.workspaceId, { statuses: ['failing', 'dead'], limit: 50 }),
      ]);
      return c.json({ items: inApp.items, unread: inApp.unread, failing: failing.map(presentDelivery) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/notifications/{id}/read', tags: ['alerts'], request: { params: IdParam }, responses: { 204: { description: 'Marked read' }, 404: errors[404] } }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await deps.store.notifications.markRead(c.var.workspaceId, id))) throw new AppError('not_found', `Notification ${id} does not exist / notification introuvable`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/stats/series', tags: ['stats'], request: { query: SeriesQuery }, responses: { 200: json('Time series from rollups'), 400: errors[400] } }),
    async (c) => {
      const { topic, query, days } = c.req.valid('query');
      const granularity = GRANULARITIES[c.req.valid('query').granularity] ?? '1h';
      if ((topic === undefined) === (query === undefined)) {
        throw new AppError('validation_failed', 'Give a topic or a query / indiquez un sujet ou une requête', [{ field: 'topic', message: 'exactly one of topic and query / un seul de topic et query' }]);
      }
      const scope = topic !== undefined ? { kind: 'topic' as const, id: topic } : { kind: 'query' as const, id: query ?? '' };
      const toMs = deps.now().getTime();
      const fromMs = toMs - days * 86_400_000;
      const rows = await deps.store.rollups.list(c.var.workspaceId, { scope: scope.kind, scopeId: scope.id, granularity, since: new Date(fromMs - 86_400_000).toISOString() });
      const rollup = createRollup({ timeZone: ALERT_TIME_ZONE, granularities: [granularity] });
      rollup.load(rows);
      const items = rollup.series(scope, granularity, fromMs, toMs).map(({ startMs, ...figures }) => ({
        start: new Date(startMs).toISOString(),
        ...figures,
        negativeShare: figures.count === 0 ? 0 : figures.negative / figures.count,
      }));
      return c.json({ scope, granularity, items }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/alerts/backtest', tags: ['alerts'], request: { body: { content: { 'application/json': { schema: BacktestBody } }, required: true } }, responses: { 200: json('Episodes that would have opened'), 400: errors[400] } }),
    async (c) => {
      const { from, to } = c.req.valid('json');
      const episodes = await backtestStoredHistory(deps.store, c.var.workspaceId, { from, to });
      return c.json({ items: episodes.map(({ details: _details, ...episode }) => episode) }, 200);
    },
  );

  return app;
}
