import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema } from '../http/schemas';
import { presentConversation } from '../presenters/conversation-presenter';
import { ConversationSchema } from './conversation-schemas';
import { memberDirectory, memberFor } from './conversation-actors';
import { CONNECTOR_IDS } from '@vigie/core';
import { buildInboxDigest, inboxDigestSettings, saveInboxDigestSettings } from '../jobs/inbox-digest.job';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const Percentiles = z.object({ count: z.number(), median: z.number().nullable(), p90: z.number().nullable() });
const Grouped = z.array(Percentiles.extend({ key: z.string() }));
/** A member's user id: the caller when absent; another member's for managers and owners. */
const Member = z.string().trim().min(1).max(120).optional().openapi({ description: 'User id of a member; the caller by default (another member: managers and owners)' });
const BudgetSchema = z.object({ budgetMinutes: z.number(), spentMinutes: z.number(), remainingMinutes: z.number(), exhausted: z.boolean() }).openapi('TimeBudget');

const OwnAccountsSchema = z.object({ items: z.array(z.object({ connector: z.enum(CONNECTOR_IDS), handle: z.string().trim().min(1).max(200) })).max(100) }).openapi('OwnAccounts');
const TimeZone = z.string().max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone / fuseau horaire inconnu');
const DigestSettingsSchema = z.object({ enabled: z.boolean(), hour: z.number().int().min(0).max(23), timeZone: TimeZone, recipients: z.array(z.email().max(254)).max(50), locale: z.enum(['fr', 'en']) }).openapi('InboxDigestSettings');
const DigestSchema = z
  .object({
    count: z.number(),
    byReason: z.array(z.object({ reason: z.string(), label: z.string(), count: z.number() })),
    items: z.array(z.object({ id: z.string(), connector: z.string(), author: z.string(), preview: z.string(), priority: z.number(), url: z.string().optional(), link: z.string().optional() })),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
  })
  .openapi('InboxDigest');

/** The focus flow ("next most important conversation"), the daily time budget, and the response-time report. */
export function inboxRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/focus/next', tags: ['inbox'],
      request: { query: z.object({ member: Member }) },
      responses: { 200: json(z.object({ item: ConversationSchema.nullable(), budget: BudgetSchema.optional() }), 'The next conversation for the caller (theirs or unassigned; null when nothing needs attention now), and their budget of the day'), 400: json(ErrorSchema, 'Invalid input'), 403: json(ErrorSchema, 'Another member\'s focus needs a manager') },
    }),
    async (c) => {
      const member = await memberFor(deps, c, c.req.valid('query').member);
      const next = await deps.inbox.next(c.var.workspaceId, member);
      const budget = await deps.inbox.budget(c.var.workspaceId, member);
      const view = next ? presentConversation(next, deps.now()) : null;
      const item = view?.assignee === undefined ? view : { ...view, assigneeName: (await memberDirectory(deps, c.var.workspaceId)).nameOf(view.assignee) };
      return c.json({ item, budget }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/inbox/stats', tags: ['inbox'],
      request: { query: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }) },
      responses: {
        200: json(z.object({ days: z.number(), firstResponse: z.object({ all: Percentiles, byNetwork: Grouped, byTopic: Grouped, byMember: z.array(Percentiles.extend({ key: z.string(), name: z.string() })) }), queue: z.object({ urgent: z.number(), high: z.number(), normal: z.number(), low: z.number(), clearMinutes: z.number() }) }), 'First-response times in working minutes; queue and time to clear it'),
        400: json(ErrorSchema, 'Invalid input'),
      },
    }),
    async (c) => {
      const [stats, directory] = await Promise.all([deps.inbox.stats(c.var.workspaceId, c.req.valid('query').days), memberDirectory(deps, c.var.workspaceId)]);
      // Members by name; an older free-text assignee shows as written, unassigned as "".
      await directory.resolve(stats.firstResponse.byMember.map((m) => m.key || undefined));
      return c.json({ ...stats, firstResponse: { ...stats.firstResponse, byMember: stats.firstResponse.byMember.map((m) => ({ ...m, name: m.key === '' ? '' : directory.nameOf(m.key) })) } }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/inbox/budget', tags: ['inbox'], request: { query: z.object({ member: Member }) }, responses: { 200: json(BudgetSchema, 'Budget of the day'), 400: json(ErrorSchema, 'Invalid input'), 403: json(ErrorSchema, 'Another member\'s budget needs a manager') } }),
    async (c) => c.json(await deps.inbox.budget(c.var.workspaceId, await memberFor(deps, c, c.req.valid('query').member)), 200),
  );

  app.openapi(
    createRoute({ method: 'put', path: '/inbox/budget', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: z.object({ member: Member, minutes: z.number().int().min(0).max(1440) }) } }, required: true } }, responses: { 200: json(BudgetSchema, 'Budget set'), 400: json(ErrorSchema, 'Invalid input'), 403: json(ErrorSchema, 'Another member\'s budget needs a manager') } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await deps.inbox.setBudget(c.var.workspaceId, await memberFor(deps, c, body.member), body.minutes), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/inbox/budget/time', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: z.object({ member: Member, minutes: z.number().int().min(1).max(60) }) } }, required: true } }, responses: { 200: json(BudgetSchema, 'Time recorded'), 400: json(ErrorSchema, 'Invalid input'), 403: json(ErrorSchema, 'Another member\'s time needs a manager') } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await deps.inbox.addTime(c.var.workspaceId, await memberFor(deps, c, body.member), body.minutes), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/inbox/own-accounts', tags: ['inbox'], responses: { 200: json(OwnAccountsSchema, 'Our own accounts per network: their posts never enter the inbox, replies to them do') } }),
    async (c) => c.json({ items: await deps.inbox.ownAccounts(c.var.workspaceId) }, 200),
  );

  app.openapi(
    createRoute({ method: 'put', path: '/inbox/own-accounts', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: OwnAccountsSchema } }, required: true } }, responses: { 200: json(OwnAccountsSchema, 'Saved'), 400: json(ErrorSchema, 'Invalid input') } }),
    async (c) => {
      const items = await deps.inbox.setOwnAccounts(c.var.workspaceId, c.req.valid('json').items);
      await deps.audit(c, 'inbox.own_accounts', 'inbox', { accounts: items.map((a) => `${a.connector}:${a.handle}`) });
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/inbox/digest', tags: ['inbox'], responses: { 200: json(DigestSettingsSchema, 'When and to whom the low-priority digest goes') } }),
    async (c) => c.json(await inboxDigestSettings(deps.store, c.var.workspaceId), 200),
  );

  app.openapi(
    createRoute({ method: 'put', path: '/inbox/digest', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: DigestSettingsSchema.partial() } }, required: true } }, responses: { 200: json(DigestSettingsSchema, 'Saved'), 400: json(ErrorSchema, 'Invalid input') } }),
    async (c) => {
      const settings = await saveInboxDigestSettings(deps.store, c.var.workspaceId, c.req.valid('json'));
      await deps.audit(c, 'inbox.digest', 'inbox', { enabled: settings.enabled, hour: settings.hour, timeZone: settings.timeZone, recipients: settings.recipients.length });
      return c.json(settings, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/inbox/digest/preview', tags: ['inbox'], request: { query: z.object({ locale: z.enum(['fr', 'en']).optional() }) }, responses: { 200: json(DigestSchema, 'The digest as it would be sent now (nothing is sent)'), 400: json(ErrorSchema, 'Invalid input') } }),
    async (c) => {
      const settings = await inboxDigestSettings(deps.store, c.var.workspaceId);
      return c.json(await buildInboxDigest(deps.store, c.var.workspaceId, deps.now(), c.req.valid('query').locale ?? settings.locale), 200);
    },
  );

  return app;
}
