import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { AppError, type Mention, type MentionFilter } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam, MentionListQuery, MentionSchema } from '../http/schemas';
import { presentMention, presentMentionDetail } from '../presenters/mention-presenter';

/** A comment line every so often keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 20_000;

function toFilter(q: z.infer<typeof MentionListQuery>): MentionFilter {
  return {
    search: q.search?.trim() || undefined,
    topicId: q.topic,
    queryId: q.query,
    connector: q.connector,
    lang: q.lang,
    sentiment: q.sentiment,
    since: q.since ? new Date(q.since).toISOString() : undefined,
    until: q.until ? new Date(q.until).toISOString() : undefined,
    sourceId: q.source,
  };
}

export function mentionRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/mentions',
      tags: ['mentions'],
      request: { query: MentionListQuery },
      responses: {
        200: { description: 'Mentions, newest first', content: { 'application/json': { schema: z.object({ items: z.array(MentionSchema), nextCursor: z.string().nullable() }) } } },
        400: { description: 'Invalid filter', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await deps.store.mentions.list(c.var.workspaceId, toFilter(q), { limit: q.limit, cursor: q.cursor });
      return c.json({ items: page.items.map(presentMention), nextCursor: page.nextCursor }, 200);
    },
  );

  // Registered before /mentions/{id} so "stream" is not taken for an id.
  app.get('/mentions/stream', (c) => {
    const workspaceId = c.var.workspaceId;
    const topic = c.req.query('topic');
    return streamSSE(c, async (stream) => {
      const queue: Mention[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.bus.subscribe((mention) => {
        if (mention.workspaceId !== workspaceId) return;
        if (topic && !mention.topicIds.includes(topic)) return;
        queue.push(mention);
        wake?.();
      });
      stream.onAbort(unsubscribe);
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted) {
        const mention = queue.shift();
        if (mention) {
          await stream.writeSSE({ event: 'mention', id: mention.id, data: JSON.stringify(presentMention(mention)) });
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEPALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
        if (queue.length === 0 && !stream.aborted) await stream.write(': keepalive\n\n');
      }
      unsubscribe();
    });
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/mentions/{id}',
      tags: ['mentions'],
      request: { params: IdParam },
      responses: {
        200: { description: 'One mention with its raw payload', content: { 'application/json': { schema: MentionSchema.extend({ raw: z.unknown() }) } } },
        404: { description: 'No such mention', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const mention = await deps.store.mentions.get(c.var.workspaceId, c.req.valid('param').id);
      if (!mention) throw new AppError('not_found', `mention ${c.req.valid('param').id} does not exist`);
      return c.json(presentMentionDetail(mention), 200);
    },
  );

  return app;
}
