import type { NewIntake } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { formatDateTime } from '../../format/relative-time';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';
import { useLoad } from '../../ui/use-load';

/**
 * Settings → webhook intakes: URLs other tools push signed mentions to. A new intake's URL and
 * secret are shown once (the server keeps only a hash of the token and the sealed secret).
 */
export function IntakesPanel() {
  const { t, i18n } = useTranslation();
  const intakes = useLoad(() => api.intakes.list(), 'intakes');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewIntake>();
  const { busy, error, run: act } = useAction(intakes.reload);

  return (
    <section className="card" aria-label={t('sources.intakeTitle')}>
      <h2>{t('sources.intakeTitle')}</h2>
      <p className="muted">{t('sources.intakeHelp')}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            setCreated(await api.intakes.create(name.trim() || undefined));
            setName('');
          });
        }}
      >
        <label className="field">
          <span>{t('sources.intakeName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Zapier" />
        </label>
        <div className="field field-button">
          <button type="submit" className="button secondary" disabled={busy}>
            {t('sources.intakeCreate')}
          </button>
        </div>
      </form>
      {created && (
        <div role="status" data-testid="intake-created">
          <p className="qe-ok">{t('sources.intakeShownOnce')}</p>
          <dl className="source-health intake-secret">
            <div>
              <dt>{t('sources.intakeUrl')}</dt>
              <dd>
                <code>{created.url}</code>
              </dd>
            </div>
            <div>
              <dt>{t('sources.intakeSecret')}</dt>
              <dd>
                <code>{created.secret}</code>
              </dd>
            </div>
          </dl>
        </div>
      )}
      <ErrorNote error={error ?? intakes.error} />
      <ul className="source-list">
        {intakes.data?.map((intake) => (
          <li key={intake.id} data-testid="intake">
            <strong>{intake.name}</strong>{' '}
            <span className="muted">
              {intake.lastReceivedAt ? t('sources.intakeLast', { when: formatDateTime(intake.lastReceivedAt, i18n.language) }) : t('sources.intakeNever')}
            </span>{' '}
            <ConfirmButton question={t('sources.intakeConfirmDelete', { name: intake.name })} disabled={busy} onConfirmed={() => void act(() => api.intakes.delete(intake.id))}>
              {t('common.delete')}
            </ConfirmButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
