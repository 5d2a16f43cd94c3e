import type { QueryToken, QueryTokenType } from '@vigie/client';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { splitRanges } from '../../format/split-ranges';
import { ErrorNote } from '../../ui/ErrorNote';
import { QueryPreviewPanel } from './QueryPreviewPanel';
import type { QueryCheck } from './use-query-check';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  check: QueryCheck;
}

type Mark = QueryTokenType | 'error-mark';

/** Tokens to colour: the server's, plus the span the syntax error points at. */
function marksFor(check: QueryCheck, text: string): { start: number; end: number; kind: Mark }[] {
  if (check.text !== text || check.validation === undefined) return [];
  const marks: { start: number; end: number; kind: Mark }[] = check.validation.tokens
    .filter((t: QueryToken) => t.type !== 'space')
    .map((t) => ({ start: t.start, end: t.end, kind: t.type }));
  const column = check.validation.error?.column;
  if (column !== undefined) {
    const start = Math.min(column - 1, Math.max(0, text.length - 1));
    // Without a length from the server, underline the whole token the column falls in.
    const within = check.validation.tokens.find((t) => t.type !== 'space' && t.start <= start && start < t.end);
    const length = check.validation.error?.length ?? (within ? within.end - start : 1);
    const overlapping = marks.filter((m) => m.end > start && m.start < start + length);
    for (const m of overlapping) marks.splice(marks.indexOf(m), 1);
    marks.push({ start, end: start + length, kind: 'error-mark' });
  }
  return marks;
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
          {splitRanges(value, marksFor(check, value)).map((s) =>
            s.kind === null ? s.text : (
              <span key={s.start} className={`tok tok-${s.kind}`}>
                {s.text}
              </span>
            ),
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
            <strong>{t('queryEditor.warning')}</strong> {fr && w.messageFr ? w.messageFr : w.message}
          </p>
        ))}
      </div>
      <ErrorNote error={check.error} />
      {validation?.valid && <QueryPreviewPanel preview={check.preview} loading={check.previewLoading} />}
    </div>
  );
}
