import type { Permission, SessionView } from '@vigie/client';
import { createContext, useContext } from 'react';

export interface SessionState {
  session: SessionView;
  /** Whether the caller's role in the current workspace holds `permission` (display only: the server decides). */
  can: (permission: Permission) => boolean;
  /** Reads the session again (after a workspace switch, a role change). */
  refresh: () => Promise<void>;
  /** Switches the current workspace; the pages below reload for it. */
  switchWorkspace: (workspaceId: string) => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

/** The signed-in session; only under the AuthGate. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === undefined) throw new Error('useSession outside the AuthGate');
  return state;
}

/**
 * Whether the current role may do `permission`, to hide buttons the role lacks so no click ends in
 * a 403. Outside a session (never in the app) nothing is allowed.
 */
export function useCan(permission: Permission): boolean {
  return useContext(SessionContext)?.can(permission) ?? false;
}
