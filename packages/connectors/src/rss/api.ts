/**
 * The part of "the feed API" we use: one conditional GET (RFC 9110 §13: If-None-Match /
 * If-Modified-Since → 304) and parsing of RSS 0.9x/2.0, Atom 1.0, RDF/RSS 1.0 and JSON Feed 1.x.
 */
import { parseFeed, type AnyFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { ConnectorError } from '../connector-error';
import type { ConnectorContext } from '../connector';
import { decodeBody } from '../kit/decode-body';

export type ParsedFeed = AnyFeed;

export interface FeedResponse {
  /** Undefined when the server answered 304 Not Modified. */
  text?: string;
  etag?: string;
  lastModified?: string;
  /** Final URL after redirects (relative item links resolve against it). */
  url: string;
  /** Charset problems worth logging (declared charset unknown or wrong). */
  warning?: string;
}

/**
 * Conditional GET of a feed.
 *
 * @example
 * const res = await fetchFeed(ctx, 'https://blog.example/feed', { etag: '"abc"' });
 * if (res.text === undefined) // 304: nothing new
 */
export async function fetchFeed(ctx: ConnectorContext, url: string, validators: { etag?: string; lastModified?: string }): Promise<FeedResponse> {
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  };
  if (validators.etag !== undefined) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== undefined) headers['if-modified-since'] = validators.lastModified;
  const res = await ctx.http.get(url, { headers, signal: ctx.signal });
  const etag = res.headers.etag ?? validators.etag;
  const lastModified = res.headers['last-modified'] ?? validators.lastModified;
  if (res.status === 304) return { url: res.url, etag, lastModified };
  const decoded = decodeBody(res.body, res.headers['content-type']);
  return { text: decoded.text, url: res.url, etag: res.headers.etag, lastModified: res.headers['last-modified'], warning: decoded.warning };
}

/** XML 1.0 forbids these; old CMS exports still emit them. Tab, LF and CR are allowed. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** A bare `&` not starting an entity or character reference. */
const BARE_AMPERSAND = /&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)/g;

function isJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

function locate(text: string): { line?: number; column?: number; reason?: string } {
  const verdict = XMLValidator.validate(text);
  if (verdict === true) return {};
  return { line: verdict.err.line, column: verdict.err.col, reason: verdict.err.msg };
}

/**
 * Parses a feed document of any supported format. Lenient where real feeds are sloppy: control
 * characters are removed, then on a parse failure bare `&` are escaped and parsing is retried.
 * A document that still fails, or is not a feed (an HTML page), is `invalid_payload` with the
 * line and column when the XML validator finds them.
 *
 * @example
 * const { format, feed } = parseFeedText(xml, 'https://blog.example/feed');
 */
export function parseFeedText(text: string, url: string): ParsedFeed {
  const cleaned = text.replace(INVALID_XML_CHARS, '');
  try {
    return parseFeed(cleaned);
  } catch (first) {
    if (isJson(cleaned)) {
      throw new ConnectorError('invalid_payload', `${url} did not return a feed: the JSON is not a JSON Feed (${(first as Error).message})`, { cause: first });
    }
    if (/^\s*(?:<!doctype html|<html)/i.test(cleaned)) {
      throw new ConnectorError('invalid_payload', `${url} returned an HTML page, not a feed; look for its <link rel="alternate"> feed address`, { cause: first });
    }
    try {
      return parseFeed(cleaned.replace(BARE_AMPERSAND, '&amp;'));
    } catch (second) {
      const where = locate(cleaned);
      const position = where.line === undefined ? '' : ` at line ${where.line}, column ${where.column ?? 0}`;
      const reason = where.reason ?? (second as Error).message;
      throw new ConnectorError('invalid_payload', `${url} is not a valid feed${position}: ${reason}`, { cause: second, line: where.line, column: where.column });
    }
  }
}
