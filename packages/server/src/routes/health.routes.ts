import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';

const VERSION = '0.1.0';

export function healthRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const startedAt = Date.now();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['system'],
      responses: {
        200: {
          description: 'Vigie is up',
          content: { 'application/json': { schema: z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['sqlite', 'postgres']), uptimeSec: z.number() }) } },
        },
      },
    }),
    (c) => c.json({ status: 'ok' as const, version: VERSION, database: deps.store.dialect, uptimeSec: Math.round((Date.now() - startedAt) / 1000) }, 200),
  );
  return app;
}
