import type { SentimentLabel } from '@vigie/client';
import { useTranslation } from 'react-i18next';

export function SentimentBadge({ label }: { label: SentimentLabel | undefined }) {
  const { t } = useTranslation();
  if (label === undefined) return null;
  return <span className={`badge sentiment-${label}`}>{t(`sentiment.${label}`)}</span>;
}
