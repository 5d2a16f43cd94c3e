import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CONNECTOR_IDS } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { computeThemes } from '../services/themes-service';

const OverviewQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30), topic: z.string().optional() });
const Overview = z
  .object({
    total: z.number(),
    byDay: z.array(z.object({ day: z.string(), count: z.number(), negative: z.number(), neutral: z.number(), positive: z.number() })),
    byConnector: z.array(z.object({ connector: z.enum(CONNECTOR_IDS), count: z.number() })),
    byTopic: z.array(z.object({ topicId: z.string(), name: z.string(), count: z.number() })),
    bySentiment: z.object({ negative: z.number(), neutral: z.number(), positive: z.number() }),
    byLang: z.array(z.object({ lang: z.string(), count: z.number() })),
  })
  .openapi('Overview');

export function statsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/stats/overview',
      tags: ['stats'],
      request: { query: OverviewQuery },
      responses: { 200: { description: 'Dashboard counts over the last days', content: { 'application/json': { schema: Overview } } } },
    }),
    async (c) => {
      const { days, topic } = c.req.valid('query');
      const since = new Date(deps.now().getTime() - days * 86_400_000).toISOString();
      const [overview, topics] = await Promise.all([
        deps.store.mentions.overview(c.var.workspaceId, { since, topicId: topic }),
        deps.store.topics.list(c.var.workspaceId),
      ]);
      const names = new Map(topics.map((t) => [t.id, t.name]));
      const byTopic = overview.byTopic.filter((t) => names.has(t.topicId)).map((t) => ({ ...t, name: names.get(t.topicId) ?? t.topicId }));
      return c.json({ ...overview, byTopic }, 200);
    },
  );
  const TermSchema = z.object({ term: z.string(), key: z.string(), kind: z.string(), count: z.number(), share: z.number() });
  const RisingSchema = z.object({ term: z.string(), key: z.string(), kind: z.string(), current: z.number(), baseline: z.number(), ratio: z.number(), score: z.number() });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/stats/themes',
      tags: ['stats'],
      request: { query: z.object({ days: z.coerce.number().int().min(1).max(90).default(7), topic: z.string().optional() }) },
      responses: {
        200: {
          description: 'Key and rising terms per language, and the spread (unique voices, copy clusters) of the period',
          content: {
            'application/json': {
              schema: z
                .object({
                  period: z.object({ since: z.string(), until: z.string() }),
                  keyTerms: z.record(z.string(), z.array(TermSchema)),
                  rising: z.record(z.string(), z.array(RisingSchema)),
                  spread: z.object({
                    mentions: z.number(),
                    uniqueVoices: z.number(),
                    clusters: z.array(z.object({ size: z.number(), authors: z.number(), sample: z.object({ id: z.string(), text: z.string(), author: z.string() }) })),
                  }),
                  truncated: z.boolean(),
                })
                .openapi('Themes'),
            },
          },
        },
      },
    }),
    async (c) => {
      const { days, topic } = c.req.valid('query');
      return c.json(await computeThemes(deps.store, c.var.workspaceId, { topicId: topic }, deps.now(), days), 200);
    },
  );
  return app;
}
