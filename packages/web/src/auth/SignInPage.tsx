import type { SessionView } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client';
import { useAction } from '../ui/use-action';
import { useLoad } from '../ui/use-load';
import { AuthCard } from './AuthCard';
import { AuthForm } from './AuthForm';

/** Why a single sign-on came back refused: the server's `#/login?error=<code>` (oidc.routes.ts). */
const OIDC_ERRORS = ['oidc_off', 'oidc_unavailable', 'oidc_state', 'oidc_denied', 'oidc_failed', 'email_unverified', 'unknown_user', 'no_workspace', 'disabled', 'rate_limited'];

function oidcErrorFromHash(): string | undefined {
  const [path, search = ''] = window.location.hash.replace(/^#/, '').split('?');
  if (path !== '/login') return undefined;
  const code = new URLSearchParams(search).get('error');
  if (!code) return undefined;
  return OIDC_ERRORS.includes(code) ? code : 'other';
}

/**
 * Sign-in (e-mail, password) and "forgot password" (asks for a reset link; the answer is the same
 * whether or not the e-mail has an account). Says so when the instance has no account yet. When an
 * OIDC provider is set up, a "Sign in with …" link starts single sign-on; a refusal comes back as
 * `#/login?error=<code>` and is worded here.
 */
export function SignInPage({ onSignedIn, expired }: { onSignedIn: (session: SessionView) => void; expired?: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'sign-in' | 'forgot'>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  const [resetSent, setResetSent] = useState(false);
  const setup = useLoad(() => api.auth.setupNeeded(), 'setup-needed');
  const oidc = useLoad(() => api.auth.oidc(), 'oidc');
  const [oidcError] = useState(oidcErrorFromHash);

  const submit = (): void => {
    void run(async () => {
      if (mode === 'sign-in') {
        const session = await api.auth.login({ email: email.trim(), password });
        // Leave `#/login?error=…` behind: its message must not come back at the next sign-in.
        if (oidcError !== undefined) window.location.hash = '#/';
        onSignedIn(session);
      } else {
        await api.auth.requestPasswordReset(email.trim());
        setResetSent(true);
      }
    });
  };

  return (
    <AuthCard title={mode === 'sign-in' ? t('auth.signInTitle') : t('auth.resetTitle')}>
      {setup.data === true && (
        <p className="banner" role="status">
          {t('auth.setupNeedsLink')}
        </p>
      )}
      {expired === true && mode === 'sign-in' && (
        <p className="muted" role="status">
          {t('auth.sessionExpired')}
        </p>
      )}
      {mode === 'forgot' && <p className="muted">{t('auth.resetHelp')}</p>}
      {oidcError !== undefined && mode === 'sign-in' && (
        <p className="error-note" role="alert">
          {t(`auth.oidcError.${oidcError}`)}
        </p>
      )}
      {oidc.data?.enabled === true && mode === 'sign-in' && (
        <>
          <a className="button primary auth-oidc" href="/api/auth/oidc/start">
            {t('auth.oidcSignIn', { name: oidc.data.name })}
          </a>
          <p className="muted auth-or">{t('auth.oidcOr')}</p>
        </>
      )}
      <AuthForm
        onSubmit={submit}
        busy={busy}
        error={error}
        submitLabel={mode === 'sign-in' ? (busy ? t('auth.signingIn') : t('auth.signIn')) : t('auth.resetSend')}
        status={
          resetSent &&
          mode === 'forgot' && (
            <p className="qe-ok" role="status">
              {t('auth.resetSent')}
            </p>
          )
        }
      >
        <label className="field">
          <span>{t('auth.email')}</span>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        {mode === 'sign-in' && (
          <label className="field">
            <span>{t('auth.password')}</span>
            <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
        )}
      </AuthForm>
      <button
        type="button"
        className="button ghost auth-switch"
        onClick={() => {
          setMode(mode === 'sign-in' ? 'forgot' : 'sign-in');
          setError(undefined);
          setResetSent(false);
        }}
      >
        {mode === 'sign-in' ? t('auth.forgot') : t('auth.backToSignIn')}
      </button>
    </AuthCard>
  );
}
