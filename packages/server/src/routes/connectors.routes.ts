import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listCapabilities, listConnectors } from '@vigie/connectors';
import type { AppEnv } from '../http/app-env';
import { sourceFormSchema } from '../services/source-form-schema';

const ConnectorInfo = z
  .object({ id: z.string(), name: z.string(), capabilities: z.array(z.string()), defaultPollIntervalSec: z.number(), sourceConfigSchema: z.record(z.string(), z.unknown()) })
  .openapi('Connector');

/** Connectors and their capabilities; the settings UI renders source forms from the JSON Schema. */
export function connectorRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const items = listConnectors().map((c) => ({
    id: c.id,
    name: c.name,
    capabilities: listCapabilities(c),
    defaultPollIntervalSec: c.defaultPollIntervalSec,
    sourceConfigSchema: sourceFormSchema(c),
  }));
  app.openapi(
    createRoute({ method: 'get', path: '/connectors', tags: ['connectors'], responses: { 200: { description: 'Connectors', content: { 'application/json': { schema: z.object({ items: z.array(ConnectorInfo) }) } } } } }),
    (c) => c.json({ items }, 200),
  );
  return app;
}
