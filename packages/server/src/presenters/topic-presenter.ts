import type { Query, Source, Topic } from '@vigie/core';
import { redactSecrets } from '../security/source-secrets';

export function presentQuery(query: Query) {
  const { workspaceId: _ws, ...view } = query;
  return view;
}

export function presentTopic(topic: Topic) {
  const { workspaceId: _ws, ...view } = topic;
  return { ...view, queries: topic.queries.map(presentQuery) };
}

/**
 * Sources are shown with their health; connector state (cursors, ETags) stays internal, and
 * secret settings never leave the server — only which ones are set.
 */
export function presentSource(source: Source) {
  const { workspaceId: _ws, state: _state, ...view } = source;
  return { ...view, ...redactSecrets(source.config) };
}
