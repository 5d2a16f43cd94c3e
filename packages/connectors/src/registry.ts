/**
 * Every connector, imported explicitly: adding one is one line here and a folder, nothing scans
 * the disk at run time.
 */
import type { ConnectorId } from '@vigie/core';
import type { AnyConnector } from './connector';
import { bluesky } from './bluesky';
import { facebook } from './facebook';
import { hackernews } from './hackernews';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { reddit } from './reddit';
import { rss } from './rss';
import { x } from './x';
import { youtube } from './youtube';

const CONNECTORS: readonly AnyConnector[] = [
  rss,
  mastodon,
  bluesky,
  reddit,
  hackernews,
  x,
  youtube,
  facebook,
  instagram,
  linkedin,
];

/**
 * @example
 * listConnectors().map((c) => c.id); // ['rss', …]
 */
export function listConnectors(): readonly AnyConnector[] {
  return CONNECTORS;
}

/**
 * @example
 * getConnector('rss')?.defaultPollIntervalSec; // 900
 * getConnector('myspace'); // undefined
 */
export function getConnector(id: ConnectorId | string): AnyConnector | undefined {
  return CONNECTORS.find((connector) => connector.id === id);
}
