/**
 * The part of the HN Search API (https://hn.algolia.com/api) we call: `GET /search_by_date`,
 * newest first, filtered by `tags` and `numericFilters=created_at_i>=…`, paginated by `page`
 * (0-based) up to `nbPages`. Response shape: Algolia's search response
 * (https://www.algolia.com/doc/guides/building-search-ui/going-further/backend-search/in-depth/understanding-the-api-response/js).
 */
import { z } from 'zod';
import type { ConnectorContext, SkippedItem } from '../connector';
import { ConnectorError } from '../connector-error';
import type { HackernewsSourceConfig } from './config';

export const HN_API_BASE = 'https://hn.algolia.com/api/v1';

/** One hit as documented; story and comment fields are nullable depending on the kind. */
export const hnHit = z.object({
  objectID: z.string().min(1),
  created_at_i: z.number().int(),
  created_at: z.string().optional(),
  author: z.string().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  story_text: z.string().nullish(),
  comment_text: z.string().nullish(),
  points: z.number().nullish(),
  num_comments: z.number().nullish(),
  story_id: z.number().nullish(),
  story_title: z.string().nullish(),
  story_url: z.string().nullish(),
  parent_id: z.number().nullish(),
  _tags: z.array(z.string()).optional(),
});

export type HnHit = z.infer<typeof hnHit>;

const hnPage = z.object({
  hits: z.array(z.unknown()),
  page: z.number().int(),
  nbPages: z.number().int(),
  hitsPerPage: z.number().int().optional(),
  nbHits: z.number().int().optional(),
});

export interface HnPage {
  hits: HnHit[];
  skipped: SkippedItem[];
  page: number;
  nbPages: number;
}

const TAGS: Record<HackernewsSourceConfig['kinds'], string> = { all: '(story,comment)', story: 'story', comment: 'comment' };

/** Builds the request URL; `since` is a Unix time in seconds. */
export function searchUrl(base: string, request: { query: string; kinds: HackernewsSourceConfig['kinds']; since?: number; page: number; hitsPerPage: number }): string {
  const url = new URL(`${base}/search_by_date`);
  url.searchParams.set('query', request.query);
  url.searchParams.set('tags', TAGS[request.kinds]);
  if (request.since !== undefined) url.searchParams.set('numericFilters', `created_at_i>=${request.since}`);
  url.searchParams.set('hitsPerPage', String(request.hitsPerPage));
  url.searchParams.set('page', String(request.page));
  return url.href;
}

/**
 * Validates one page: a page that is not the documented shape is `invalid_payload`; a single hit
 * that is not is skipped with the reason, and the others are kept.
 *
 * @example
 * const page = readPage(JSON.parse(body), url);
 */
export function readPage(payload: unknown, url: string): HnPage {
  const page = hnPage.safeParse(payload);
  if (!page.success) {
    throw new ConnectorError('invalid_payload', `${url} did not return an HN Search page: ${page.error.issues[0]?.path.join('.') ?? ''} ${page.error.issues[0]?.message ?? ''}`.trim());
  }
  const hits: HnHit[] = [];
  const skipped: SkippedItem[] = [];
  for (const raw of page.data.hits) {
    const hit = hnHit.safeParse(raw);
    if (hit.success) {
      hits.push(hit.data);
    } else {
      const id = typeof raw === 'object' && raw !== null && 'objectID' in raw ? String((raw as { objectID: unknown }).objectID) : undefined;
      const issue = hit.error.issues[0];
      skipped.push({ reason: `malformed hit: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), ...(id !== undefined ? { externalId: id } : {}) });
    }
  }
  return { hits, skipped, page: page.data.page, nbPages: page.data.nbPages };
}

/**
 * One page of `search_by_date`.
 *
 * @example
 * const page = await fetchPage(ctx, HN_API_BASE, { query: 'vigie', kinds: 'all', since: 1764150000, page: 0, hitsPerPage: 100 });
 */
export async function fetchPage(
  ctx: ConnectorContext,
  base: string,
  request: { query: string; kinds: HackernewsSourceConfig['kinds']; since?: number; page: number; hitsPerPage: number },
): Promise<HnPage> {
  const url = searchUrl(base, request);
  const res = await ctx.http.get(url, { headers: { accept: 'application/json' }, signal: ctx.signal });
  let payload: unknown;
  try {
    payload = JSON.parse(res.body.toString('utf8'));
  } catch (error) {
    throw new ConnectorError('invalid_payload', `${url} did not return JSON (${(error as Error).message})`, { cause: error });
  }
  return readPage(payload, url);
}
