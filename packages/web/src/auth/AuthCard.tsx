import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/setup-i18n';
import { LANGUAGES } from '../i18n/pick-language';

/** The frame of the pages shown before sign-in: logo, one card, language switch. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <main className="auth-page" id="main">
      <section className="card auth-card" aria-labelledby="auth-title">
        <div className="auth-brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>Vigie</span>
        </div>
        <h1 id="auth-title">{title}</h1>
        {children}
      </section>
      <div className="auth-lang" role="group" aria-label={t('nav.language')}>
        {LANGUAGES.map((lng) => (
          <button key={lng} type="button" className="button ghost" aria-pressed={i18n.language === lng} lang={lng} onClick={() => void changeLanguage(lng)}>
            {lng === 'fr' ? 'Français' : 'English'}
          </button>
        ))}
      </div>
    </main>
  );
}
