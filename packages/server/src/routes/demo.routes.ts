import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';

export function demoRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/demo',
      tags: ['demo'],
      responses: { 200: { description: 'Whether the demo data is present and replaying', content: { 'application/json': { schema: z.object({ enabled: z.boolean(), replay: z.boolean() }) } } } },
    }),
    async (c) => {
      const state = await deps.demo.state();
      return c.json({ enabled: state?.status === 'seeded', replay: deps.demo.replaying }, 200);
    },
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/demo', tags: ['demo'], responses: { 204: { description: 'Demo mentions, topics and source removed; your own data stays' } } }),
    async (c) => {
      await deps.demo.remove();
      return c.body(null, 204);
    },
  );
  return app;
}
