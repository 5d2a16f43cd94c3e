import type { ApiToken, Role, Store } from '@vigie/core';
import { generateToken, hashToken } from './opaque-token';

const DAY_MS = 86_400_000;

/**
 * Mints an API token: a `vgt_` secret handed out once, stored only as its SHA-256 with a short
 * prefix to tell tokens apart. The one way tokens are made — by the API, `vigie tokens create`
 * and the tests. Who may grant which role is the caller's rule, not this function's.
 *
 * @example
 * const { token, secret } = await issueApiToken(store, { workspaceId, name: 'ci', role: 'analyst', at: new Date() });
 */
export async function issueApiToken(
  store: Pick<Store, 'apiTokens'>,
  input: { workspaceId: string; name: string; role: Role; at: Date; createdBy?: string; expiresInDays?: number },
): Promise<{ token: ApiToken; secret: string }> {
  const secret = generateToken('vgt_');
  const at = input.at.getTime();
  const token = await store.apiTokens.create(hashToken(secret), {
    workspaceId: input.workspaceId,
    name: input.name,
    role: input.role,
    prefix: secret.slice(0, 12),
    createdAt: new Date(at).toISOString(),
    ...(input.createdBy !== undefined && { createdBy: input.createdBy }),
    ...(input.expiresInDays !== undefined && { expiresAt: new Date(at + input.expiresInDays * DAY_MS).toISOString() }),
  });
  return { token, secret };
}
