import type { SourceTestResult as TestResult } from '@vigie/client';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/relative-time';

/** What "Test" found: the first items the settings would bring, or the network's answer when it failed. */
export function SourceTestResult({ result }: { result: TestResult }) {
  const { t, i18n } = useTranslation();
  if (!result.ok) {
    return (
      <div className="error-note" role="status" data-testid="source-test">
        <strong>{t('sources.testFailed')}</strong> <span className="error-detail">{result.error?.message}</span> {result.error && <code>{result.error.code}</code>}
      </div>
    );
  }
  return (
    <div className="source-test" role="status" data-testid="source-test">
      <p className="qe-ok">{result.fetched === 0 ? t('sources.testEmpty') : t('sources.testOk', { count: result.fetched })}</p>
      <ul className="source-test-sample">
        {result.sample.map((m) => (
          <li key={m.externalId}>
            <strong>{m.title ?? m.author.name ?? m.author.handle}</strong> <span className="muted">{formatDateTime(m.publishedAt, i18n.language)}</span>
            <p>{m.text.length > 200 ? `${m.text.slice(0, 200)}…` : m.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
