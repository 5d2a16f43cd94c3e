import { z } from 'zod';
import type { AnyConnector } from '@vigie/connectors';

interface PropertySchema {
  description?: string;
  writeOnly?: boolean;
  secret?: boolean;
}

/** A credential: marked `.meta({ secret: true })` by its connector, or described as "(secret)" by one that forgot. */
const isSecret = (p: PropertySchema): boolean => p.writeOnly === true || p.secret === true || /\(secret\)/i.test(p.description ?? '');

/**
 * The JSON Schema of a connector's source settings, as the settings form renders it: every
 * credential flagged `writeOnly` (password input, never pre-filled), plus the exactly-one-of group
 * as the standard `oneOf: [{ required: [a] }, …]`, from the connector's `sourceModes` (the same
 * constant its Zod refinement checks, which JSON Schema cannot carry).
 *
 * @example
 * sourceFormSchema(getConnector('mastodon')!).oneOf // [{ required: ['hashtag'] }, { required: ['timeline'] }, { required: ['search'] }, { required: ['notifications'] }]
 */
export function sourceFormSchema(connector: Pick<AnyConnector, 'id' | 'sourceConfig' | 'sourceModes'>): Record<string, unknown> {
  const schema = z.toJSONSchema(connector.sourceConfig, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & { properties?: Record<string, PropertySchema> };
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, p]) => [name, isSecret(p) ? { ...p, writeOnly: true } : p]));
  const group = connector.sourceModes;
  return { ...schema, properties, ...(group && group.length > 0 ? { oneOf: group.map((field) => ({ required: [field] })) } : {}) };
}

/**
 * The settings sealed at rest: the same credentials the form hides. Wider than the connectors'
 * own `secret` marks, which X, YouTube, Facebook, Instagram and LinkedIn do not set yet.
 *
 * @example
 * sourceSecretFields(getConnector('x')!) // ['bearerToken']
 */
export function sourceSecretFields(connector: Pick<AnyConnector, 'id' | 'sourceConfig'>): string[] {
  const properties = (sourceFormSchema(connector).properties ?? {}) as Record<string, PropertySchema>;
  return Object.entries(properties)
    .filter(([, p]) => p.writeOnly === true)
    .map(([name]) => name);
}
