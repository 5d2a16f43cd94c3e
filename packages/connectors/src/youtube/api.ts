/**
 * The part of the YouTube Data API v3 we call, through `ctx.http` only, with an API key:
 * - `search.list` (https://developers.google.com/youtube/v3/docs/search/list): part=snippet,
 *   q, type=video, order=date, publishedAfter/publishedBefore, pageToken — 100 quota units a page;
 * - `commentThreads.list` (https://developers.google.com/youtube/v3/docs/commentThreads/list):
 *   part=snippet,replies, videoId or allThreadsRelatedToChannelId, order=time,
 *   textFormat=plainText, pageToken — 1 unit a page.
 * Errors are `{ error: { code, message, errors: [{ domain, reason, message }] } }` and are
 * classified by `reason` (https://developers.google.com/youtube/v3/docs/errors), never by text.
 */
import { z } from 'zod';
import type { ConnectorContext } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';
import type { HttpResponse } from '../kit/http-client';
import { nextPacificMidnight } from './quota-reset';

export const YOUTUBE_API_BASE = 'https://www.googleapis.com/youtube/v3';

export const ytCommentSnippet = z.object({
  videoId: z.string().optional(),
  textDisplay: z.string().optional(),
  textOriginal: z.string().optional(),
  authorDisplayName: z.string().optional(),
  authorProfileImageUrl: z.string().optional(),
  authorChannelUrl: z.string().optional(),
  authorChannelId: z.object({ value: z.string() }).optional(),
  parentId: z.string().optional(),
  likeCount: z.number().int().nonnegative().optional(),
  publishedAt: z.string().datetime({ offset: true }),
  updatedAt: z.string().datetime({ offset: true }).optional(),
});

export const ytComment = z.object({ id: z.string().min(1), snippet: ytCommentSnippet });

export type YtComment = z.infer<typeof ytComment>;

export const ytCommentThread = z.object({
  id: z.string().min(1),
  snippet: z.object({
    videoId: z.string().optional(),
    channelId: z.string().optional(),
    topLevelComment: ytComment,
    totalReplyCount: z.number().int().nonnegative().optional(),
  }),
  replies: z.object({ comments: z.array(z.unknown()) }).optional(),
});

export type YtCommentThread = z.infer<typeof ytCommentThread>;

export const ytSearchResult = z.object({
  id: z.object({ kind: z.string(), videoId: z.string().optional() }),
  snippet: z.object({
    publishedAt: z.string().datetime({ offset: true }),
    channelId: z.string(),
    title: z.string(),
    description: z.string().optional(),
    channelTitle: z.string().optional(),
    thumbnails: z.record(z.string(), z.object({ url: z.string() })).optional(),
  }),
});

export type YtSearchResult = z.infer<typeof ytSearchResult>;

const ytListPage = z.object({
  items: z.array(z.unknown()),
  nextPageToken: z.string().optional(),
  pageInfo: z.object({ totalResults: z.number().optional(), resultsPerPage: z.number().optional() }).optional(),
});

/** A list page: items are checked one by one later, so one bad item never sinks a page. */
export interface YtPage {
  items: unknown[];
  nextPageToken?: string;
}

/**
 * @example
 * readListPage(JSON.parse(body), url); // { items: [...], nextPageToken: 'QURTSl9p…' }
 */
export function readListPage(payload: unknown, url: string): YtPage {
  const page = ytListPage.safeParse(payload);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new ConnectorError('invalid_payload', `${url} did not return a YouTube list page: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return { items: page.data.items, ...(page.data.nextPageToken !== undefined ? { nextPageToken: page.data.nextPageToken } : {}) };
}

const ytErrorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), domain: z.string().optional() })).optional(),
    details: z.array(z.object({ reason: z.string().optional() })).optional(),
  }),
});

/** Documented reasons that mean "the daily quota is spent": wait for midnight Pacific. */
const QUOTA_REASONS = new Set(['quotaExceeded', 'rateLimitExceeded', 'dailyLimitExceeded', 'userRateLimitExceeded']);
/** Documented reasons that mean "the key is wrong": the account needs a new one. */
const KEY_REASONS = new Set(['keyInvalid', 'keyExpired', 'API_KEY_INVALID']);
const FORBIDDEN_READABLE: Record<string, string> = {
  commentsDisabled: 'comments are disabled on this video / les commentaires sont désactivés sur cette vidéo',
  forbidden: 'the key may not read this resource / la clé ne peut pas lire cette ressource',
  accessNotConfigured: 'the YouTube Data API is not enabled in the key’s Google Cloud project / l’API YouTube Data n’est pas activée dans le projet de la clé',
};

/**
 * Classifies a 4xx/5xx: by the documented `reason` for 400 and 403 (quota, key, comments
 * disabled), else by status (kit).
 *
 * @example
 * errorFromYoutubeAnswer(res, url, now); // ConnectorError rate_limited with retryAfterMs until midnight Pacific for quotaExceeded
 */
export function errorFromYoutubeAnswer(res: HttpResponse, url: string, now: Date): ConnectorError | undefined {
  const shown = url;
  const base = errorFromStatus(res.status, shown, res.headers, now);
  if (base === undefined) return undefined;
  if (res.status !== 400 && res.status !== 403) return base;
  let reasons: string[] = [];
  try {
    const body = ytErrorBody.safeParse(JSON.parse(res.body.toString('utf8')));
    if (body.success) reasons = [...(body.data.error.errors ?? []), ...(body.data.error.details ?? [])].flatMap((item) => (item.reason === undefined ? [] : [item.reason]));
  } catch (error) {
    // Without a documented body the status alone classifies the answer.
    if (!(error instanceof SyntaxError)) throw error;
  }
  const status = res.status;
  const quota = reasons.find((reason) => QUOTA_REASONS.has(reason));
  if (quota !== undefined) {
    const reset = nextPacificMidnight(now);
    return new ConnectorError('rate_limited', `HTTP ${status} from ${shown}: YouTube quota spent (${quota}); it resets at midnight Pacific time (${reset.toISOString()}) / quota YouTube épuisé, remis à zéro à minuit heure du Pacifique`, {
      status,
      retryAfterMs: reset.getTime() - now.getTime(),
    });
  }
  const key = reasons.find((reason) => KEY_REASONS.has(reason));
  if (key !== undefined) return new ConnectorError('auth_expired', `HTTP ${status} from ${shown}: the API key is not valid (${key}) / la clé d’API n’est pas valide`, { status });
  const forbidden = reasons.find((reason) => reason in FORBIDDEN_READABLE);
  if (forbidden !== undefined) return new ConnectorError('forbidden', `HTTP ${status} from ${shown}: ${FORBIDDEN_READABLE[forbidden]}`, { status });
  return base;
}

/**
 * GETs one list page; errors classified, body validated. The key travels in the `x-goog-api-key`
 * header (https://cloud.google.com/docs/authentication/api-keys-use#using-with-rest) rather than
 * `?key=`, so it never appears in a URL, an error message, a log or the source's health.
 *
 * @example
 * const page = await fetchList(ctx, commentThreadsUrl(base, { channelId, pageToken }), apiKey);
 */
export async function fetchList(ctx: ConnectorContext, url: string, apiKey: string): Promise<YtPage> {
  const res = await ctx.http.get(url, { headers: { accept: 'application/json', 'x-goog-api-key': apiKey }, signal: ctx.signal, throwHttpErrors: false });
  const error = errorFromYoutubeAnswer(res, url, ctx.now());
  if (error !== undefined) throw error;
  let payload: unknown;
  try {
    payload = JSON.parse(res.body.toString('utf8'));
  } catch (e) {
    throw new ConnectorError('invalid_payload', `${url} did not return JSON (${(e as Error).message})`, { cause: e });
  }
  return readListPage(payload, url);
}

/** `commentThreads.list` for a channel's videos or one video, newest first. */
export function commentThreadsUrl(base: string, request: { channelId?: string; videoId?: string; pageToken?: string }): string {
  const url = new URL(`${base}/commentThreads`);
  url.searchParams.set('part', 'snippet,replies');
  if (request.videoId !== undefined) url.searchParams.set('videoId', request.videoId);
  else if (request.channelId !== undefined) url.searchParams.set('allThreadsRelatedToChannelId', request.channelId);
  url.searchParams.set('order', 'time');
  url.searchParams.set('textFormat', 'plainText');
  url.searchParams.set('maxResults', '100');
  if (request.pageToken !== undefined) url.searchParams.set('pageToken', request.pageToken);
  return url.href;
}

/** `search.list` for videos, newest first. */
export function searchUrl(base: string, request: { q: string; publishedAfter?: string; publishedBefore?: string; pageToken?: string; maxResults?: number }): string {
  const url = new URL(`${base}/search`);
  url.searchParams.set('part', 'snippet');
  url.searchParams.set('q', request.q);
  url.searchParams.set('type', 'video');
  url.searchParams.set('order', 'date');
  url.searchParams.set('maxResults', String(request.maxResults ?? 50));
  if (request.publishedAfter !== undefined) url.searchParams.set('publishedAfter', request.publishedAfter);
  if (request.publishedBefore !== undefined) url.searchParams.set('publishedBefore', request.publishedBefore);
  if (request.pageToken !== undefined) url.searchParams.set('pageToken', request.pageToken);
  return url.href;
}
