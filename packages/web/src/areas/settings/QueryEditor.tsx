import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { splitRanges } from '../../format/split-ranges';
import { ErrorNote } from '../../ui/ErrorNote';
import { QueryPreviewPanel } from './QueryPreviewPanel';
import { isErrorPastEnd, queryMarks } from './query-marks';
import type { QueryCheck } from './use-query-check';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  check: QueryCheck;
}

/**
 * The listening-query editor: a transparent textarea over a coloured copy of its text (tokens
 * from `POST /api/queries/validate`), the syntax error with its column, lint warnings and a live
 * preview. The coloured copy is text nodes only and hidden from screen readers.
 */
export function QueryEditor({ id, label, value, onChange, check }: Props) {
  const { t, i18n } = useTranslation();
  const overlay = useRef<HTMLPreElement>(null);
  const validation = check.text === value ? check.validation : undefined;
  const error = validation?.error;
  const fr = i18n.language === 'fr';
  const describedBy = `${id}-status`;
  const message = error ? (fr && error.messageFr ? error.messageFr : error.message) : '';
  // The server's messages usually say "at column 7" already; say it ourselves only when they don't.
  const mentionsColumn = error?.column === undefined || message.includes(String(error.column));
  return (
    <div className="query-editor">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className={error ? 'qe-box invalid' : 'qe-box'}>
        <pre className="qe-highlight" aria-hidden="true" ref={overlay}>
          {splitRanges(value, check.text === value ? queryMarks(value, check.validation) : []).map((s) =>
            s.kind === null ? s.text : (
              <span key={s.start} className={`tok tok-${s.kind}`}>
                {s.text}
              </span>
            ),
          )}
          {error && check.text === value && isErrorPastEnd(value, validation) && (
            <span className="tok tok-error-mark tok-eol">{'\u00a0'}</span>
          )}
          {'\n'}
        </pre>
        <textarea
          id={id}
          className="qe-input"
          value={value}
          rows={3}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-invalid={error !== undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (overlay.current) overlay.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      <div id={describedBy} className="qe-status" aria-live="polite">
        {error && (
          <p className="qe-error" data-testid="query-error">
            <strong>{mentionsColumn ? t('queryEditor.error') : t('queryEditor.errorAt', { column: error.column })}</strong>{' '}
            {message}
          </p>
        )}
        {validation?.valid && <p className="qe-ok">{t('queryEditor.valid')}</p>}
        {validation?.warnings.map((w, i) => (
          <p key={`${w.code}-${i}`} className="qe-warning">
            <strong>{w.column === undefined ? t('queryEditor.warning') : t('queryEditor.warningAt', { column: w.column })}</strong>{' '}
            {fr && w.messageFr ? w.messageFr : w.message}
          </p>
        ))}
      </div>
      <ErrorNote error={check.error} />
      {validation?.valid && <QueryPreviewPanel preview={check.preview} loading={check.previewLoading} />}
    </div>
  );
}
