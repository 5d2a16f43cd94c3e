import type { SentimentLabel } from '@vigie/core';

/** The three labels in model order: index 0 negative, 1 neutral, 2 positive. */
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
