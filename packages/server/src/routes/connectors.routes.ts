import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import { listCapabilities, listConnectors, type AnyConnector } from '@vigie/connectors';
import type { AppEnv } from '../http/app-env';

const ConnectorInfo = z
  .object({ id: z.string(), name: z.string(), capabilities: z.array(z.string()), defaultPollIntervalSec: z.number(), sourceConfigSchema: z.record(z.string(), z.unknown()) })
  .openapi('Connector');

/**
 * Settings of which a source needs exactly one. The connectors check this in a Zod refinement,
 * which JSON Schema cannot carry, so the form would not know; it is restated here as the standard
 * `oneOf: [{ required: [a] }, …]` (kept in step with the connectors' config.ts refinements).
 */
const EXACTLY_ONE_OF: Record<string, string[]> = {
  mastodon: ['hashtag', 'timeline', 'search'],
  bluesky: ['search', 'author'],
  reddit: ['subreddit', 'search'],
  youtube: ['query', 'channelId', 'videoId'],
};

interface PropertySchema {
  description?: string;
  writeOnly?: boolean;
  secret?: boolean;
}

/**
 * The JSON Schema of a connector's source settings, as the settings form renders it: secret
 * fields flagged `writeOnly` (some connectors only say "(secret)" in the description, and a
 * password input must never depend on wording alone), plus the exactly-one-of group.
 *
 * @example
 * sourceFormSchema(getConnector('mastodon')!).oneOf // [{ required: ['hashtag'] }, { required: ['timeline'] }, { required: ['search'] }]
 */
export function sourceFormSchema(connector: AnyConnector): Record<string, unknown> {
  const schema = zod.toJSONSchema(connector.sourceConfig, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & { properties?: Record<string, PropertySchema> };
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, p]) => [name, /\(secret\)/i.test(p.description ?? '') || p.secret === true ? { ...p, writeOnly: true } : p]),
  );
  const group = EXACTLY_ONE_OF[connector.id];
  return { ...schema, properties, ...(group ? { oneOf: group.map((field) => ({ required: [field] })) } : {}) };
}

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
