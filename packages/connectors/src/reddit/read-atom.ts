/**
 * Reddit's Atom twin of a listing (`/r/<name>/new/.rss`, `/search.rss`): the fallback where the
 * JSON listings are refused to this server. Same items, fewer fields (no score, no comment count,
 * no removal category), 100 at most, no paging. Parsed with feedsmith; normalised here.
 */
import type { MentionInput } from '@vigie/core';
import { parseFeed } from 'feedsmith';
import type { ConnectorContext, SkippedItem } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';
import { htmlToText } from '../kit/html-to-text';
import { sanitizeHtml } from '../kit/sanitize-html';
import { originOf } from './api';
import { DEFAULT_USER_AGENT, type RedditSourceConfig } from './config';

/**
 * The Atom URL of a source.
 *
 * @example
 * atomUrl({ subreddit: 'france' }); // 'https://www.reddit.com/r/france/new/.rss?limit=100'
 */
export function atomUrl(config: RedditSourceConfig): string {
  if (config.subreddit !== undefined) return `${originOf(config)}/r/${config.subreddit}/new/.rss?limit=100`;
  const params = new URLSearchParams({ q: config.search ?? '', sort: 'new', limit: '100' });
  return `${originOf(config)}/search.rss?${params.toString()}`;
}

/** The post body of an entry: Reddit appends "submitted by … [link] [comments]" after `<!-- SC_ON -->`. */
function bodyOf(content: string): string {
  const start = content.indexOf('<!-- SC_OFF -->');
  const end = content.indexOf('<!-- SC_ON -->');
  return start === -1 || end === -1 || end < start ? '' : content.slice(start + '<!-- SC_OFF -->'.length, end);
}

/**
 * Fetches and normalises an Atom listing; each entry's version is its `updated` date (an edit
 * moves it).
 *
 * @example
 * const { mentions, skipped } = await readAtomListing(ctx, { subreddit: 'france', via: 'rss' });
 */
export async function readAtomListing(ctx: ConnectorContext, config: RedditSourceConfig): Promise<{ mentions: MentionInput[]; skipped: SkippedItem[] }> {
  const url = atomUrl(config);
  const res = await ctx.http.get(url, { headers: { accept: 'application/atom+xml', 'user-agent': config.userAgent ?? DEFAULT_USER_AGENT }, signal: ctx.signal, throwHttpErrors: false });
  const failure = errorFromStatus(res.status, url, res.headers, ctx.now());
  if (failure !== undefined) throw failure;
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(res.body.toString('utf8'));
  } catch (error) {
    throw new ConnectorError('invalid_payload', `${url} did not return an Atom feed: ${(error as Error).message}`, { status: res.status, cause: error });
  }
  if (parsed.format !== 'atom') throw new ConnectorError('invalid_payload', `${url} returned a ${parsed.format} feed, not Reddit's Atom`);
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  for (const entry of parsed.feed.entries ?? []) {
    const id = entry.id?.trim();
    const link = entry.links?.find((l) => l.rel === undefined || l.rel === 'alternate')?.href;
    const dated: unknown = entry.published ?? entry.updated;
    const published = typeof dated === 'string' ? Date.parse(dated) : Number.NaN;
    const updated: unknown = entry.updated;
    if (id === undefined || !/^t[13]_[a-z0-9]{1,16}$/.test(id) || link === undefined || Number.isNaN(published)) {
      skipped.push({ reason: 'malformed entry: no t3_ id, link or date', ...(id !== undefined ? { externalId: id } : {}) });
      continue;
    }
    const author = (entry.authors?.[0]?.name ?? '').replace(/^\/u\//, '').trim();
    const body = bodyOf(entry.content?.value ?? '');
    const text = htmlToText(body);
    if (author === '[deleted]' || text === '[deleted]') {
      skipped.push({ reason: 'deleted by its author', externalId: id });
      continue;
    }
    if (text === '[removed]') {
      skipped.push({ reason: 'removed by the moderators', externalId: id });
      continue;
    }
    const title = entry.title?.value?.replace(/\s+/g, ' ').trim();
    const mention: MentionInput = {
      connector: 'reddit',
      externalId: id,
      url: link,
      author: { handle: `u/${author || 'unknown'}`, ...(entry.authors?.[0]?.uri !== undefined ? { url: entry.authors[0].uri } : {}) },
      text: text !== '' ? text : (title ?? ''),
      publishedAt: new Date(published).toISOString(),
      engagement: {},
      kind: 'post',
      raw: { id, updated: typeof updated === 'string' ? updated : undefined, link, title, content: entry.content?.value },
    };
    if (title) mention.title = title;
    const html = sanitizeHtml(body);
    if (html.trim() !== '') mention.html = html;
    if (mention.text === '') skipped.push({ reason: 'no title and no text', externalId: id });
    else mentions.push(mention);
  }
  return { mentions, skipped };
}
