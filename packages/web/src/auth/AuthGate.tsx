import { isClientError, type SessionView } from '@vigie/client';
import { Fragment, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client';
import { ErrorNote } from '../ui/ErrorNote';
import { InvitePage } from './InvitePage';
import { ResetPasswordPage } from './ResetPasswordPage';
import { SessionContext, type SessionState } from './session-context';
import { SetupPage } from './SetupPage';
import { SignInPage } from './SignInPage';
import './auth.css';

type GateState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'failed'; error: unknown }
  | { status: 'signed-in'; session: SessionView };

/**
 * Nothing of the app shows before `GET /api/session` says who is there: 401 → the sign-in page.
 * The one-time links (`#/setup`, `#/reset`, `#/invite`) open their form without a session. A 401
 * later on (session expired, signed out elsewhere) comes back here too.
 */
export function AuthGate({ route, children }: { route: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<GateState>({ status: 'loading' });
  const [path = '/', search = ''] = route.split('?');
  const token = new URLSearchParams(search).get('token') ?? '';

  const load = useCallback(async (): Promise<void> => {
    try {
      const session = await api.session.get();
      // Pin this tab to its workspace: another tab switching the session's workspace must not
      // redirect what this one sends (the live stream and the export follow the session).
      api.setWorkspace(session.workspace.id);
      setState({ status: 'signed-in', session });
    } catch (error) {
      if (isClientError(error) && error.status === 401) setState({ status: 'signed-out', expired: false });
      else setState({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void load();
    return api.onUnauthenticated(() => setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', expired: true } : s)));
  }, [load]);

  const signedIn = useCallback((session: SessionView): void => {
    api.setWorkspace(session.workspace.id);
    setState({ status: 'signed-in', session });
    if (['/setup', '/invite', '/reset'].includes(path)) window.location.hash = '#/';
  }, [path]);

  const session = state.status === 'signed-in' ? state.session : undefined;
  const value = useMemo<SessionState | undefined>(() => {
    if (session === undefined) return undefined;
    return {
      session,
      can: (permission) => session.permissions.includes(permission),
      refresh: load,
      switchWorkspace: async (workspaceId) => {
        setState({ status: 'signed-in', session: await api.session.switchWorkspace(workspaceId) });
      },
      signOut: async () => {
        try {
          await api.auth.logout();
        } finally {
          setState({ status: 'signed-out', expired: false });
          window.location.hash = '#/';
        }
      },
    };
  }, [session, load]);

  if (path === '/setup') return <SetupPage token={token} onSignedIn={signedIn} />;
  if (path === '/reset') return <ResetPasswordPage token={token} />;
  if (path === '/invite') return <InvitePage token={token} onSignedIn={signedIn} />;
  if (state.status === 'loading') {
    return (
      <p className="auth-loading muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <main className="auth-page" id="main">
        <ErrorNote error={state.error} />
      </main>
    );
  }
  if (state.status === 'signed-out' || value === undefined) {
    return <SignInPage onSignedIn={signedIn} expired={state.status === 'signed-out' && state.expired} />;
  }
  return (
    <SessionContext.Provider value={value}>
      {/* A new workspace remounts every page, so nothing of the previous one stays on screen. */}
      <Fragment key={value.session.workspace.id}>{children}</Fragment>
    </SessionContext.Provider>
  );
}
