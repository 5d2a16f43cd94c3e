/**
 * The YouTube connector, through the YouTube Data API v3 with an API key: poll a video search or
 * the comment threads of a channel or a video, backfill page by page, and search videos for the
 * query tester; with an OAuth token, reply to comments and comment on videos. See README.md.
 */
import { defineConnector, type ConnectorDefinition } from '../connector';
import { YOUTUBE_API_BASE } from './api';
import { backfillYoutube } from './backfill';
import { YOUTUBE_SOURCE_MODES, youtubeAccountConfig, youtubeSourceConfig, type YoutubeAccountConfig, type YoutubeSourceConfig } from './config';
import { pollYoutube } from './poll';
import { replyOnYoutube } from './reply';
import { searchYoutube } from './search';

export { benchPages } from './bench-pages';
export { nextPacificMidnight } from './quota-reset';

/**
 * @param baseUrl the API root; tests point it at a local fixture server.
 * @example
 * const yt = createYoutubeConnector('http://127.0.0.1:4000/youtube/v3');
 */
export function createYoutubeConnector(baseUrl: string = YOUTUBE_API_BASE): ConnectorDefinition<YoutubeSourceConfig, YoutubeAccountConfig> {
  return defineConnector<YoutubeSourceConfig, YoutubeAccountConfig>({
    id: 'youtube',
    name: 'YouTube',
    sourceConfig: youtubeSourceConfig,
    sourceModes: YOUTUBE_SOURCE_MODES,
    accountConfig: youtubeAccountConfig,
    capabilities: {
      poll: { fetch: (ctx, source) => pollYoutube(ctx, baseUrl, source) },
      search: { search: (ctx, request) => searchYoutube(ctx, baseUrl, request) },
      backfill: { backfill: (ctx, source, request) => backfillYoutube(ctx, baseUrl, source, request) },
      // No publish: YouTube posts are videos; replies only (see README.md).
      reply: { reply: (ctx, request) => replyOnYoutube(ctx, baseUrl, request) },
    },
    // 30 minutes: a search source costs 100 quota units a poll, 4,800 of the 10,000 daily units;
    // comment sources (1 unit a page) could go faster, the interval is per source in the UI.
    defaultPollIntervalSec: 1800,
    describeSource: (config) => (config.query !== undefined ? `YouTube: ${config.query}` : config.videoId !== undefined ? `YouTube video ${config.videoId}` : `YouTube channel ${config.channelId ?? ''}`),
  });
}

export const youtube = createYoutubeConnector();
