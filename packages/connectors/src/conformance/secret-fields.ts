/**
 * The account settings a connector marks secret, read the way the server reads them
 * (server/src/security/source-secrets.ts `secretFieldsOf`: `.meta({ secret: true })` → JSON
 * Schema `writeOnly`), so a test can check that a token will be sealed and never shown back.
 */
import { z } from 'zod';
import type { AnyConnector } from '../connector';

/**
 * @example
 * expect(secretFieldsOfAccount(bluesky)).toEqual(['appPassword']);
 */
export function secretFieldsOfAccount(connector: { accountConfig?: AnyConnector['accountConfig'] }): string[] {
  if (connector.accountConfig === undefined) return [];
  const schema = z.toJSONSchema(connector.accountConfig, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { writeOnly?: boolean; secret?: boolean }> };
  return Object.entries(schema.properties ?? {})
    .filter(([, p]) => p.writeOnly === true || p.secret === true)
    .map(([name]) => name);
}
