import type { Store, User, Workspace } from '@vigie/core';
import { hashPassword } from '../security/password';

/**
 * Creates the instance's first owner: the user, owner of every existing workspace (the default one
 * and the demo included), and the end of any setup link still unused. The one way it is done — by the
 * setup link (`POST /api/auth/setup`) and by `vigie setup`. Checks (password policy, "no user yet",
 * the link itself) and the audit entry are the caller's.
 *
 * @example
 * const { user, workspaces } = await createFirstOwner(store, { email: 'ana@velotys.example', name: 'Ana', password, locale: 'fr' });
 */
export async function createFirstOwner(
  store: Pick<Store, 'users' | 'workspaces' | 'memberships' | 'oneTimeTokens'>,
  input: { email: string; name: string; password: string; locale: 'fr' | 'en' },
): Promise<{ user: User; workspaces: Workspace[] }> {
  const user = await store.users.create({ email: input.email, name: input.name, locale: input.locale, passwordHash: await hashPassword(input.password) });
  const workspaces = await store.workspaces.list();
  for (const workspace of workspaces) await store.memberships.set(workspace.id, user.id, 'owner');
  await store.oneTimeTokens.deleteKind('setup');
  return { user, workspaces };
}
