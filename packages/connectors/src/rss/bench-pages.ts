import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { parseFeed } from 'feedsmith';
import { decodeBody } from '../kit/decode-body';
import { parseFeedText } from './api';
import { toMentions } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench` (same shape as the other connectors'). */
export interface BenchPage {
  name: string;
  /** The page as received: raw bytes and content type. */
  payload: unknown;
  /** Payload → mentions, exactly as the poll does it (decoding and lenient parsing included). */
  normalise(payload: unknown): MentionInput[];
  /** The cheapest step alone (parsing without normalising), measured in the same run for the ratio. */
  baseline: { name: string; run(payload: unknown): unknown };
}

interface RawPage {
  body: Buffer;
  contentType: string;
}

const PAGES: [string, string][] = [
  ['wordpress-rss2.xml', 'application/rss+xml; charset=UTF-8'],
  ['atom-blog.xml', 'application/atom+xml'],
  ['rdf-rss1.xml', 'application/rdf+xml'],
  ['json-feed-1.1.json', 'application/feed+json'],
  ['google-alerts.xml', 'application/atom+xml; charset=utf-8'],
  ['youtube-channel.xml', 'text/xml; charset=UTF-8'],
  ['windows-1252.xml', 'application/rss+xml; charset=windows-1252'],
];

const FEED_URL = 'https://feeds.example/feed';

/**
 * @example
 * for (const page of benchPages()) page.normalise(page.payload);
 */
export function benchPages(): BenchPage[] {
  return PAGES.map(([file, contentType]) => ({
    name: `rss/${file}`,
    payload: { body: readFileSync(new URL(`./fixtures/${file}`, import.meta.url)), contentType } satisfies RawPage,
    normalise: (payload) => {
      const page = payload as RawPage;
      const text = decodeBody(page.body, page.contentType).text;
      return toMentions(parseFeedText(text, FEED_URL), { feedUrl: FEED_URL, fetchedAt: new Date('2026-11-26T12:00:00Z') }).mentions;
    },
    baseline: {
      name: 'feedsmith parseFeed alone',
      run: (payload) => parseFeed((payload as RawPage).body.toString('latin1')),
    },
  }));
}
