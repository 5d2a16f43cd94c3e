import type { MentionListFilter, MentionView, SentimentLabel } from '@vigie/client';

/** What the filter bar holds: form values as typed (dates as `yyyy-mm-dd`, empty = any). */
export interface FilterForm {
  search: string;
  topic: string;
  connector: string;
  lang: string;
  sentiment: '' | SentimentLabel;
  since: string;
  until: string;
}

export const EMPTY_FILTER: FilterForm = { search: '', topic: '', connector: '', lang: '', sentiment: '', since: '', until: '' };

function localDayStart(day: string, addDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

/**
 * The API filter for a form: dates are whole local days, `until` inclusive for the user (so the
 * exclusive API bound is the start of the next day).
 *
 * @example
 * toListFilter({ ...EMPTY_FILTER, since: '2026-11-01', until: '2026-11-01' }); // one local day
 */
export function toListFilter(form: FilterForm): MentionListFilter {
  return {
    search: form.search.trim() || undefined,
    topic: form.topic || undefined,
    connector: (form.connector || undefined) as MentionListFilter['connector'],
    lang: form.lang || undefined,
    sentiment: form.sentiment || undefined,
    since: form.since ? localDayStart(form.since) : undefined,
    until: form.until ? localDayStart(form.until, 1) : undefined,
  };
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Whether a mention arriving live belongs in the list shown for `filter` — the same rules as the
 * server's list (search words all present, accent- and case-insensitive), so live items do not
 * appear in a list they would not be part of after a reload.
 */
export function matchesFilter(mention: MentionView, filter: MentionListFilter): boolean {
  if (filter.topic && !mention.topicIds.includes(filter.topic)) return false;
  if (filter.connector && mention.connector !== filter.connector) return false;
  const lang = mention.analysis.lang?.value ?? mention.lang;
  if (filter.lang && lang !== filter.lang) return false;
  if (filter.sentiment && mention.analysis.sentiment?.label !== filter.sentiment) return false;
  if (filter.since && mention.publishedAt < filter.since) return false;
  if (filter.until && mention.publishedAt >= filter.until) return false;
  if (filter.search) {
    const haystack = fold(`${mention.title ?? ''} ${mention.text}`);
    return fold(filter.search)
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => haystack.includes(word));
  }
  return true;
}
