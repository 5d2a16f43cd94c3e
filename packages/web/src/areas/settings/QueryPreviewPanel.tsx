import type { Highlight, QueryPreview } from '@vigie/client';
import { useTranslation } from 'react-i18next';
import { formatRelativeTime } from '../../format/relative-time';
import { excerpt, splitRanges } from '../../format/split-ranges';

/** Text with the preview's matched spans in <mark>, cut around the first match. */
function Highlighted({ text, highlights, max }: { text: string; highlights: Highlight[]; max: number }) {
  const cut = excerpt(text, max, highlights[0]?.start ?? 0);
  const ranges = highlights.map((h) => ({ start: h.start - cut.offset, end: h.end - cut.offset, kind: 'hit' as const }));
  return (
    <>
      {splitRanges(cut.text, ranges).map((s) => (s.kind === null ? s.text : <mark key={s.start}>{s.text}</mark>))}
    </>
  );
}

/** What saving this query would catch in the last 30 days: a count and a few examples. */
export function QueryPreviewPanel({ preview, loading }: { preview?: QueryPreview; loading: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="qe-preview" aria-busy={loading} data-testid="query-preview">
      <p className="qe-preview-count">
        {loading || preview === undefined
          ? t('common.loading')
          : t('queryEditor.previewCount', { count: preview.count, formatted: new Intl.NumberFormat(i18n.language).format(preview.count) })}
        {preview?.truncated && <span className="muted"> {t('queryEditor.truncated')}</span>}
      </p>
      {preview && preview.items.length > 0 && (
        <ul className="qe-sample">
          {preview.items.map(({ mention, highlights }) => (
            <li key={mention.id}>
              {mention.title && (
                <strong className="qe-sample-title">
                  <Highlighted text={mention.title} highlights={highlights.filter((h) => h.field === 'title')} max={140} />
                </strong>
              )}
              <span className="qe-sample-text">
                <Highlighted text={mention.text} highlights={highlights.filter((h) => h.field === 'text')} max={200} />
              </span>
              <span className="muted qe-sample-meta">
                {mention.author.name ?? mention.author.handle} · {formatRelativeTime(mention.publishedAt, i18n.language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
