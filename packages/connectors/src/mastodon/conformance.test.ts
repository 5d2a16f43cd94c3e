/** Mastodon against the shared connector suite, on a #vigie hashtag timeline replayed from fixtures. */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import type { RecordedResponse } from '../conformance/fixture-server';
import type { AnyConnector } from '../connector';
import { mastodon } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (body: string): RecordedResponse => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body });
const uri = (id: string, user = 'alice', host = 'mastodon.example'): string => `https://${host}/users/${user}/statuses/${id}`;

/** Newer statuses and an edit of 105; 101–104 are gone from the page (scrolled off or deleted). */
const editedAndNewer = JSON.stringify([...(JSON.parse(fixture('tag-timeline-newer.json')) as unknown[]), ...(JSON.parse(fixture('tag-timeline-edited.json')) as unknown[])]);

/** As an instance answers: `min_id` above the first page gives the newer statuses. */
const byMinId = (request: IncomingMessage): RecordedResponse =>
  new URL(request.url ?? '/', 'http://x').searchParams.get('min_id') === '113500000000000105' ? json(fixture('tag-timeline-newer.json')) : json(fixture('tag-timeline-page1.json'));

runConnectorConformance({
  connector: () => mastodon as AnyConnector,
  path: '/api/v1/timelines/tag/vigie',
  source: (server) => ({ config: { instance: server.origin, hashtag: 'vigie' }, state: {} }),
  fixtures: {
    happy: { route: json(fixture('tag-timeline-page1.json')), mentions: 5 },
    empty: json(fixture('empty-page.json')),
    malformed: json(fixture('tag-timeline-one-malformed.json')),
    edits: {
      before: json(fixture('tag-timeline-page1.json')),
      after: json(editedAndNewer),
      editedIds: [uri('113500000000000105')],
      newIds: [uri('113500000000000107'), uri('113500000000000106', 'carol', 'social.example')],
      deletedIds: [uri('113500000000000101'), uri('113500000000000103', 'bob', 'piaille.example')],
    },
    pagination: { route: byMinId, mentions: 7, polls: 2 },
    errorBodies: {
      401: { body: fixture('error-invalid-token.json'), headers: { 'content-type': 'application/json' } },
      429: { body: fixture('error-rate-limited.json'), headers: { 'content-type': 'application/json' } },
    },
    reply: {
      // A resolving search finds the instance's own id of the status, then POST /api/v1/statuses answers the created Status.
      routes: { '/api/v2/search': json(fixture('search-statuses.json')), '/api/v1/statuses': json(JSON.stringify((JSON.parse(fixture('tag-timeline-newer.json')) as unknown[])[0])) },
      path: '/api/v1/statuses',
      account: (server) => ({ instance: server.origin, token: 'write-token-123' }),
      inReplyToExternalId: uri('113500000000000105'),
      expected: { externalId: uri('113500000000000107'), url: 'https://mastodon.example/@alice/113500000000000107' },
    },
  },
});
