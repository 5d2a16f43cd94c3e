import type { MentionInput } from '@vigie/core';
import type { ParsedFeed } from './api';

/** One item of any feed format, reduced to what a mention needs. Pure data, no decisions yet. */
export interface FeedEntry {
  id?: string;
  link?: string;
  title?: string;
  /** True when `title` is HTML (Atom type="html"/"xhtml", RSS titles that carry tags). */
  titleIsHtml: boolean;
  /** Body as HTML when the format says so… */
  html?: string;
  /** …or as plain text. */
  text?: string;
  authorName?: string;
  authorUrl?: string;
  dates: (string | undefined)[];
  lang?: string;
  engagement: MentionInput['engagement'];
  raw: unknown;
}

/** Feed-level facts items fall back to. */
export interface FeedMeta {
  title?: string;
  link?: string;
  lang?: string;
  authorName?: string;
  updated?: string;
  /** Atom feed id: Google Alerts and YouTube are recognised by it. */
  id?: string;
}

export interface FeedDocument {
  meta: FeedMeta;
  entries: FeedEntry[];
}

function firstText(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== '');
}

function isHtmlType(type: string | undefined): boolean {
  return type === 'html' || type === 'xhtml' || type === 'text/html';
}

function atomLink(links: { href?: string; rel?: string }[] | undefined): string | undefined {
  return (links?.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links?.find((l) => l.rel !== 'self'))?.href;
}

function fromRss(feed: Extract<ParsedFeed, { format: 'rss' }>['feed']): FeedDocument {
  const meta: FeedMeta = {
    title: feed.title,
    link: feed.link,
    lang: feed.language ?? feed.dc?.languages?.[0],
    authorName: feed.managingEditor?.name ?? feed.dc?.creators?.[0],
    updated: feed.lastBuildDate ?? feed.pubDate,
  };
  const entries = (feed.items ?? []).map((item): FeedEntry => {
    const encoded = item.content?.encoded;
    const guid = item.guid?.value;
    const author = item.authors?.[0];
    return {
      id: firstText(guid),
      link: firstText(item.link, item.guid?.isPermaLink === false ? undefined : guid),
      title: item.title,
      titleIsHtml: true,
      html: firstText(encoded, item.description),
      authorName: firstText(item.dc?.creators?.[0], author?.name, author?.email),
      dates: [item.pubDate, item.dc?.dates?.[0], item.atom?.updated],
      lang: item.dc?.languages?.[0],
      engagement: item.slash?.comments === undefined ? {} : { replies: item.slash.comments },
      raw: item,
    };
  });
  return { meta, entries };
}

function fromAtom(feed: Extract<ParsedFeed, { format: 'atom' }>['feed']): FeedDocument {
  const meta: FeedMeta = {
    title: feed.title?.value,
    link: atomLink(feed.links),
    lang: feed.xml?.lang ?? feed.dc?.languages?.[0],
    authorName: feed.authors?.[0]?.name,
    updated: feed.updated,
    id: feed.id,
  };
  const entries = (feed.entries ?? []).map((entry): FeedEntry => {
    const media = entry.media?.groups?.[0] ?? entry.media;
    const content = entry.content?.value;
    const contentIsHtml = entry.content !== undefined && (entry.content.type === undefined ? false : isHtmlType(entry.content.type));
    const summaryIsHtml = isHtmlType(entry.summary?.type);
    const stats = media?.community;
    const engagement: MentionInput['engagement'] = {};
    if (stats?.statistics?.views !== undefined) engagement.views = stats.statistics.views;
    if (stats?.starRating?.count !== undefined) engagement.likes = stats.starRating.count;
    if (entry.slash?.comments !== undefined) engagement.replies = entry.slash.comments;
    const body = firstText(content, entry.summary?.value);
    const bodyIsHtml = body === content ? contentIsHtml : summaryIsHtml;
    return {
      id: firstText(entry.id),
      link: atomLink(entry.links),
      title: entry.title?.value ?? media?.title?.value,
      titleIsHtml: isHtmlType(entry.title?.type),
      html: bodyIsHtml ? body : undefined,
      text: bodyIsHtml ? undefined : firstText(body, media?.description?.value),
      authorName: firstText(entry.authors?.[0]?.name, entry.dc?.creators?.[0]),
      authorUrl: entry.authors?.[0]?.uri,
      dates: [entry.published, entry.updated, entry.dc?.dates?.[0]],
      lang: entry.xml?.lang,
      engagement,
      raw: entry,
    };
  });
  return { meta, entries };
}

function fromRdf(feed: Extract<ParsedFeed, { format: 'rdf' }>['feed']): FeedDocument {
  const meta: FeedMeta = { title: feed.title, link: feed.link, lang: feed.dc?.languages?.[0], authorName: feed.dc?.creators?.[0], updated: feed.dc?.dates?.[0] };
  const entries = (feed.items ?? []).map(
    (item): FeedEntry => ({
      id: firstText(item.rdf?.about, item.link),
      link: item.link,
      title: item.title,
      titleIsHtml: true,
      html: firstText(item.content?.encoded, item.description),
      authorName: item.dc?.creators?.[0],
      dates: [item.dc?.dates?.[0]],
      lang: item.dc?.languages?.[0],
      engagement: item.slash?.comments === undefined ? {} : { replies: item.slash.comments },
      raw: item,
    }),
  );
  return { meta, entries };
}

function fromJson(feed: Extract<ParsedFeed, { format: 'json' }>['feed']): FeedDocument {
  const meta: FeedMeta = { title: feed.title, link: feed.home_page_url, lang: feed.language, authorName: feed.authors?.[0]?.name };
  const entries = (feed.items ?? []).map(
    (item): FeedEntry => ({
      id: firstText(item.id),
      link: firstText(item.url, item.external_url),
      title: item.title,
      titleIsHtml: false,
      html: firstText(item.content_html),
      text: firstText(item.content_text, item.summary),
      authorName: item.authors?.[0]?.name,
      authorUrl: item.authors?.[0]?.url,
      dates: [item.date_published, item.date_modified],
      lang: item.language,
      engagement: {},
      raw: item,
    }),
  );
  return { meta, entries };
}

/**
 * Reduces any supported format to entries with the same shape.
 *
 * @example
 * const { meta, entries } = readEntries(parseFeedText(xml, url));
 */
export function readEntries(parsed: ParsedFeed): FeedDocument {
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed);
    case 'atom':
      return fromAtom(parsed.feed);
    case 'rdf':
      return fromRdf(parsed.feed);
    case 'json':
      return fromJson(parsed.feed);
  }
}
