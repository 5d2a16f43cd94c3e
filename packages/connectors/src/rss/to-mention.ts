/**
 * Feed item → MentionInput. Pure: same input, same output; the clock is passed in.
 */
import { createHash } from 'node:crypto';
import type { MentionInput } from '@vigie/core';
import type { SkippedItem } from '../connector';
import { htmlToText } from '../kit/html-to-text';
import { sanitizeHtml } from '../kit/sanitize-html';
import type { ParsedFeed } from './api';
import { readEntries, type FeedEntry, type FeedMeta } from './read-entries';

export interface NormaliseContext {
  /** The feed's final URL: relative links resolve against it. */
  feedUrl: string;
  /** Used when an item has no readable date at all. */
  fetchedAt: Date;
}

export interface NormalisedFeed {
  mentions: MentionInput[];
  skipped: SkippedItem[];
}

/** Longest title kept; feeds sometimes put the whole article in it. */
const MAX_TITLE_LENGTH = 500;

function absoluteHttpUrl(value: string | undefined, base: string): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    // A malformed link is dropped; the item keeps its other fields.
    return undefined;
  }
}

/** Google Alerts wraps every link in https://www.google.com/url?…&url=<target>: keep the target. */
function unwrapRedirect(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const parsed = new URL(url);
  if (/(^|\.)google\.[a-z.]+$/.test(parsed.hostname) && parsed.pathname === '/url') {
    const target = parsed.searchParams.get('url') ?? parsed.searchParams.get('q');
    if (target !== null && /^https?:\/\//.test(target)) return target;
  }
  return url;
}

function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function firstDate(candidates: (string | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const time = Date.parse(candidate.trim());
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return undefined;
}

function hostOf(url: string | undefined): string | undefined {
  return url === undefined ? undefined : new URL(url).hostname.replace(/^www\./, '');
}

function fallbackId(title: string | undefined, date: string | undefined, text: string): string {
  return `sha1:${createHash('sha1').update(`${title ?? ''}\u0000${date ?? ''}\u0000${text.slice(0, 500)}`).digest('hex')}`;
}

/**
 * One entry → one mention, or the reason it was skipped.
 *
 * @example
 * toMention(entry, meta, { feedUrl, fetchedAt }); // { mention } or { skipped: { reason: 'no title and no text' } }
 */
export function toMention(entry: FeedEntry, meta: FeedMeta, context: NormaliseContext): { mention: MentionInput } | { skipped: SkippedItem } {
  const isGoogleAlerts = meta.id?.startsWith('tag:google.com,2005:reader/user/') === true;
  const link = unwrapRedirect(absoluteHttpUrl(entry.link, context.feedUrl));
  const title = entry.title === undefined ? undefined : (entry.titleIsHtml ? htmlToText(entry.title) : entry.title.trim()).replace(/\s+/g, ' ').slice(0, MAX_TITLE_LENGTH);
  const html = entry.html === undefined ? undefined : sanitizeHtml(entry.html);
  const text = html !== undefined ? htmlToText(entry.html ?? '') : (entry.text === undefined ? '' : htmlToText(entry.text));
  const declaredDate = firstDate(entry.dates);
  const externalId = entry.id?.trim() || link || (title || text ? fallbackId(title, declaredDate, text) : undefined);
  if (!title && !text) return { skipped: { reason: 'no title and no text', externalId } };
  if (externalId === undefined) return { skipped: { reason: 'no id, link, title or text' } };
  const authorName = isGoogleAlerts ? undefined : (entry.authorName?.trim() || meta.authorName?.trim() || undefined);
  const handle = authorName ?? (isGoogleAlerts ? hostOf(link) : meta.title?.trim()) ?? hostOf(link) ?? hostOf(context.feedUrl) ?? 'unknown';
  const authorUrl = absoluteHttpUrl(entry.authorUrl, context.feedUrl);
  const lang = primaryLanguage(entry.lang ?? meta.lang);
  const mention: MentionInput = {
    connector: 'rss',
    externalId,
    author: { handle, ...(authorName !== undefined && authorName !== handle ? { name: authorName } : {}), ...(authorUrl ? { url: authorUrl } : {}) },
    text,
    publishedAt: declaredDate ?? firstDate([meta.updated]) ?? context.fetchedAt.toISOString(),
    engagement: entry.engagement,
    kind: 'article',
    raw: entry.raw,
  };
  if (link !== undefined) mention.url = link;
  if (title) mention.title = title;
  if (html !== undefined && html.trim() !== '') mention.html = html;
  if (lang !== undefined) mention.lang = lang;
  return { mention };
}

/**
 * Every item of a parsed feed → mentions, with the skipped ones and why.
 *
 * @example
 * const { mentions, skipped } = toMentions(parseFeedText(xml, url), { feedUrl: url, fetchedAt: new Date() });
 */
export function toMentions(parsed: ParsedFeed, context: NormaliseContext): NormalisedFeed {
  const { meta, entries } = readEntries(parsed);
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  for (const entry of entries) {
    const result = toMention(entry, meta, context);
    if ('mention' in result) mentions.push(result.mention);
    else skipped.push(result.skipped);
  }
  return { mentions, skipped };
}
