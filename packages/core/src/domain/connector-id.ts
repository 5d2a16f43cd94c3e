/**
 * The one id per connector, used everywhere: folder, registry, database value, docs file, icon.
 * `demo` is the generator behind the demo workspace; `import` covers CSV/JSONL files.
 */
export const CONNECTOR_IDS = [
  'rss',
  'mastodon',
  'bluesky',
  'reddit',
  'hackernews',
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'youtube',
  'webhook',
  'import',
  'demo',
] as const;

export type ConnectorId = (typeof CONNECTOR_IDS)[number];

export function isConnectorId(value: string): value is ConnectorId {
  return (CONNECTOR_IDS as readonly string[]).includes(value);
}
